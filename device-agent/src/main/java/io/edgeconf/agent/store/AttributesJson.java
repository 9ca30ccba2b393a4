package io.edgeconf.agent.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Device attributes to and from the JSON column of the devices table. */
final class AttributesJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AttributesJson() {}

  static String write(DeviceAttributes d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("board", d.board()).put("id", d.id()).put("zone", d.zone()).put("fw", d.fw());
    var tags = n.putArray("tags");
    d.tags().forEach(tags::add);
    var attrs = n.putObject("attrs");
    d.attrs().forEach(attrs::put);
    var nums = n.putObject("nums");
    d.nums().forEach(nums::put);
    return n.toString();
  }

  static DeviceAttributes read(String json) throws IOException {
    JsonNode n = MAPPER.readTree(json);
    List<String> tags = new ArrayList<>();
    n.path("tags").forEach(t -> tags.add(t.asText()));
    Map<String, String> attrs = new HashMap<>();
    n.path("attrs").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
    Map<String, Long> nums = new HashMap<>();
    n.path("nums").properties().forEach(e -> nums.put(e.getKey(), e.getValue().asLong()));
    return new DeviceAttributes(
        n.path("board").asText(),
        n.path("id").asText(),
        n.path("zone").asText(""),
        n.path("fw").asText(""),
        tags,
        attrs,
        nums);
  }
}
