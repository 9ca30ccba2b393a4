package io.edgeconf.bridge.message;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.descriptor.DescriptorException;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A board's announcement ({@code hello} over MQTT, the body of a CoAP registration). The id is not
 * part of it: it comes from the topic or the {@code ep} parameter.
 *
 * @param board the board name (required)
 * @param fw the firmware version, {@code ""} when not given
 * @param policy the policy the firmware is built for, empty when it names none
 * @param zone the zone, {@code ""} when not given
 * @param tags the tags
 * @param attrs string attributes
 * @param nums integer attributes (integer values of {@code attrs} in the JSON)
 * @param maxImage the capacity the board states, 0 when not given (the catalogue's applies)
 */
public record Hello(
    String board,
    String fw,
    Optional<String> policy,
    String zone,
    List<String> tags,
    Map<String, String> attrs,
    Map<String, Long> nums,
    long maxImage) {
  /** Larger announcements are refused unread. */
  public static final int MAX_BYTES = 4096;

  public Hello {
    BoardCatalogue.require(board);
    fw = fw == null ? "" : fw;
    policy = policy == null ? Optional.empty() : policy;
    zone = zone == null ? "" : zone;
    tags = List.copyOf(tags);
    attrs = Map.copyOf(attrs);
    nums = Map.copyOf(nums);
  }

  /**
   * Parses a hello.
   *
   * @throws MessageFormatException naming the field that is missing or wrong
   */
  public static Hello parse(byte[] json) {
    JsonFields f = JsonFields.parse("hello", json, MAX_BYTES);
    String board = f.requiredString("board");
    if (BoardCatalogue.find(board).isEmpty()) {
      throw new MessageFormatException(
          "hello: board '" + board + "' is not one of " + BoardCatalogue.names());
    }
    Map<String, String> attrs = new HashMap<>();
    Map<String, Long> nums = new HashMap<>();
    f.attributes("attrs", attrs, nums);
    return new Hello(
        board,
        f.optionalString("fw", ""),
        Optional.ofNullable(f.optionalString("policy", null)).filter(p -> !p.isEmpty()),
        f.optionalString("zone", ""),
        f.stringList("tags"),
        attrs,
        nums,
        f.optionalU32("max_image", 0));
  }

  /**
   * The device's attributes as a policy sees them.
   *
   * @throws DescriptorException when the id or an attribute is invalid
   */
  public DeviceAttributes toAttributes(String id) {
    return new DeviceAttributes(board, id, zone, fw, tags, attrs, nums);
  }

  /** The hello of a device. */
  public static Hello of(DeviceAttributes device, Optional<String> policy, long maxImage) {
    return new Hello(
        device.board(),
        device.fw(),
        policy,
        device.zone(),
        device.tags(),
        device.attrs(),
        device.nums(),
        maxImage);
  }

  public byte[] toJson() {
    var node = JsonFields.object();
    node.put("board", board);
    if (!fw.isEmpty()) {
      node.put("fw", fw);
    }
    policy.ifPresent(p -> node.put("policy", p));
    if (!zone.isEmpty()) {
      node.put("zone", zone);
    }
    var tagArray = node.putArray("tags");
    tags.forEach(tagArray::add);
    var attrNode = node.putObject("attrs");
    attrs.forEach(attrNode::put);
    nums.forEach(attrNode::put);
    if (maxImage > 0) {
      node.put("max_image", maxImage);
    }
    return JsonFields.bytes(node);
  }
}
