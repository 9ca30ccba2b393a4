package io.edgeconf.agent.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.PayloadCodec;
import io.edgeconf.bridge.schema.PolicySchema;
import java.util.Map;
import java.util.Objects;

/** The field-by-field difference between a device's current and planned image. */
final class PlanDiff {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanDiff() {}

  /**
   * One device's entry of a plan answer.
   *
   * @param oldImage the device's desired image now, null when it has none
   * @param oldSchema the schema of the old image when known, else null
   */
  static ObjectNode diff(
      String deviceId,
      byte[] oldImage,
      PolicySchema oldSchema,
      byte[] newImage,
      PolicySchema newSchema) {
    ObjectNode entry = MAPPER.createObjectNode();
    entry.put("id", deviceId);
    var newDecoded = ImageCodec.decode(newImage);
    entry
        .putObject("to")
        .put("version", newDecoded.version())
        .put("crc", Crc32c.hex(ImageCodec.crcOf(newImage)));
    Map<String, Object> after = PayloadCodec.decode(newSchema, newDecoded.payload());
    Map<String, Object> before = null;
    if (oldImage != null) {
      entry
          .putObject("from")
          .put("version", ImageCodec.versionOf(oldImage).orElse(0))
          .put("crc", Crc32c.hex(ImageCodec.crcOf(oldImage)));
      try {
        var oldDecoded = ImageCodec.decode(oldImage);
        if (oldSchema != null && oldDecoded.schemaHash() == oldSchema.schemaHash()) {
          before = PayloadCodec.decode(oldSchema, oldDecoded.payload());
        }
      } catch (RuntimeException e) {
        before = null; // an old image we cannot read: every field counts as changed
      }
    }
    boolean same = oldImage != null && java.util.Arrays.equals(oldImage, newImage);
    entry.put("change", oldImage == null ? "new" : same ? "none" : "update");
    var fields = entry.putArray("fields");
    for (var e : after.entrySet()) {
      Object was = before == null ? null : before.get(e.getKey());
      if (before != null && Objects.equals(was, e.getValue())) {
        continue;
      }
      ObjectNode f = fields.addObject().put("field", e.getKey());
      f.set("from", MAPPER.valueToTree(was));
      f.set("to", MAPPER.valueToTree(e.getValue()));
    }
    return entry;
  }
}
