package io.edgeconf.bridge.descriptor;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a policy can see of a device. Immutable; validated at construction.
 *
 * @param board the board name, from the catalogue
 * @param id the device id
 * @param zone the zone, {@code ""} when unset
 * @param fw the firmware version {@code MAJOR.MINOR.PATCH}, {@code ""} when unknown
 * @param tags the tags, in the order given
 * @param attrs string attributes
 * @param nums integer attributes
 */
public record DeviceAttributes(
    String board,
    String id,
    String zone,
    String fw,
    List<String> tags,
    Map<String, String> attrs,
    Map<String, Long> nums) {
  private static final Pattern FW = Pattern.compile("\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}");

  public DeviceAttributes {
    BoardCatalogue.find(board)
        .orElseThrow(
            () ->
                new DescriptorException(
                    "unknown board '"
                        + board
                        + "' (known: "
                        + String.join(", ", BoardCatalogue.names())
                        + ")"));
    DeviceId.require(id);
    zone = zone == null ? "" : zone;
    fw = fw == null ? "" : fw;
    if (!fw.isEmpty() && !FW.matcher(fw).matches()) {
      throw new DescriptorException("fw '" + fw + "' is not MAJOR.MINOR.PATCH");
    }
    tags = List.copyOf(tags == null ? List.of() : tags);
    attrs = sortedCopy(attrs, "attrs");
    nums = sortedCopy(nums, "nums");
    for (String key : attrs.keySet()) {
      requireKey(key);
    }
    for (String key : nums.keySet()) {
      requireKey(key);
    }
  }

  /**
   * An unmodifiable copy iterating in key order, so everything written from it (descriptors, module
   * metadata, signatures over them) has the same bytes in every run. ({@code Map.copyOf} iterates
   * in an order that changes from one JVM to the next.)
   */
  private static <V> Map<String, V> sortedCopy(Map<String, V> map, String what) {
    TreeMap<String, V> sorted = new TreeMap<>();
    if (map != null) {
      map.forEach(
          (k, v) -> {
            if (k == null || v == null) {
              throw new DescriptorException(what + " may not hold null keys or values");
            }
            sorted.put(k, v);
          });
    }
    return Collections.unmodifiableSortedMap(sorted);
  }

  /** A device with only a board and an id. */
  public static DeviceAttributes of(String board, String id) {
    return new DeviceAttributes(board, id, "", "", List.of(), Map.of(), Map.of());
  }

  private static void requireKey(String key) {
    if (key.isEmpty() || key.indexOf('\0') >= 0) {
      throw new DescriptorException("attribute key '" + key + "' must be non-empty, without NUL");
    }
  }

  public DeviceAttributes withZone(String newZone) {
    return new DeviceAttributes(board, id, newZone, fw, tags, attrs, nums);
  }

  public DeviceAttributes withFw(String newFw) {
    return new DeviceAttributes(board, id, zone, newFw, tags, attrs, nums);
  }

  public DeviceAttributes withTags(List<String> newTags) {
    return new DeviceAttributes(board, id, zone, fw, newTags, attrs, nums);
  }

  public DeviceAttributes withAttrs(Map<String, String> newAttrs) {
    return new DeviceAttributes(board, id, zone, fw, tags, newAttrs, nums);
  }

  public DeviceAttributes withNums(Map<String, Long> newNums) {
    return new DeviceAttributes(board, id, zone, fw, tags, attrs, newNums);
  }
}
