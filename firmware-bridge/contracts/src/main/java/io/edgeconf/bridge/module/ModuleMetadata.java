package io.edgeconf.bridge.module;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.schema.PolicySchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A config module's self-description: the JSON of its {@code edgeconf.meta} custom section (see
 * docs/module-abi.md). Immutable; {@link #parse} checks that ids, schema and sizes agree.
 */
public record ModuleMetadata(
    int abi,
    String policy,
    long version,
    long policyId,
    long schemaHash,
    String schema,
    List<String> targets,
    int imageSize,
    List<Field> fields,
    List<Require> requires,
    Rollout rollout,
    List<SelfTest> selftest,
    String compiler,
    String sourceSha256) {

  /** The name of the custom section that carries the metadata. */
  public static final String SECTION = "edgeconf.meta";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One field as the metadata describes it.
   *
   * @param defaultValue {@link Long}, {@link Boolean} or {@link String}, as in {@code PayloadCodec}
   */
  public record Field(
      String name,
      String type,
      int offset,
      int size,
      long min,
      long max,
      Object defaultValue,
      String doc) {}

  /** One {@code require} of the policy, by index. */
  public record Require(String expr, String message) {}

  /** The policy's rollout settings. */
  public record Rollout(double canaryPct, double maxFailuresPct, long healthWindowMs, int batch) {
    public Rollout {
      if (canaryPct < 0 || canaryPct > 100 || maxFailuresPct < 0 || maxFailuresPct > 100) {
        throw new IllegalArgumentException(
            "percentages must lie in 0..100: canary "
                + canaryPct
                + ", max_failures "
                + maxFailuresPct);
      }
      if (healthWindowMs < 0 || batch < 0) {
        throw new IllegalArgumentException("health window and batch must not be negative");
      }
    }
  }

  /**
   * A self-test vector: a device and what the compiler's evaluator expects for it, either the
   * image's SHA-256 or an error code with its index.
   */
  public record SelfTest(DeviceAttributes device, Optional<String> sha256, int error, int index) {
    public SelfTest {
      if (sha256.isPresent() == (error != 0)) {
        throw new IllegalArgumentException("a self-test expects either an image or an error");
      }
    }
  }

  public ModuleMetadata {
    targets = List.copyOf(targets);
    fields = List.copyOf(fields);
    requires = List.copyOf(requires);
    selftest = List.copyOf(selftest);
  }

  /** The schema rebuilt from the canonical string. */
  public PolicySchema policySchema() {
    return PolicySchema.parseCanonical(policy, schema);
  }

  /**
   * Parses and cross-checks metadata.
   *
   * @throws ModuleFormatException naming what is missing, mistyped or inconsistent
   */
  public static ModuleMetadata parse(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new ModuleFormatException("edgeconf.meta is not JSON: " + message(e), e);
    }
    if (root == null || !root.isObject()) {
      throw new ModuleFormatException("edgeconf.meta must be a JSON object");
    }
    try {
      var meta = read(root);
      PolicySchema schema = meta.policySchema();
      if (schema.policyId() != meta.policyId
          || schema.schemaHash() != meta.schemaHash
          || schema.imageSize() != meta.imageSize) {
        throw new ModuleFormatException(
            "edgeconf.meta: policy_id, schema_hash or image_size do not match policy and schema");
      }
      return meta;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ModuleFormatException("edgeconf.meta: " + e.getMessage(), e);
    }
  }

  private static String message(IOException e) {
    return e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
  }

  private static ModuleMetadata read(JsonNode root) {
    List<Field> fields = new ArrayList<>();
    for (JsonNode f : array(root, "fields")) {
      fields.add(
          new Field(
              text(f, "name"),
              text(f, "type"),
              (int) integer(f, "offset"),
              (int) integer(f, "size"),
              f.path("min").asLong(0),
              f.path("max").asLong(0),
              scalar(f.get("default")),
              f.path("doc").asText("")));
    }
    List<Require> requires = new ArrayList<>();
    for (JsonNode r : array(root, "requires")) {
      requires.add(new Require(text(r, "expr"), r.path("message").asText("")));
    }
    JsonNode ro = root.path("rollout");
    Rollout rollout =
        new Rollout(
            ro.path("canary_pct").asDouble(10),
            ro.path("max_failures_pct").asDouble(0),
            ro.path("health_window_ms").asLong(0),
            ro.path("batch").asInt(0));
    List<SelfTest> selftest = new ArrayList<>();
    for (JsonNode t : array(root, "selftest")) {
      JsonNode sha = t.get("sha256");
      selftest.add(
          new SelfTest(
              device(t.path("device")),
              sha == null || sha.isNull() ? Optional.empty() : Optional.of(sha.asText()),
              (int) t.path("error").asLong(0),
              (int) t.path("index").asLong(0)));
    }
    List<String> targets = new ArrayList<>();
    for (JsonNode t : array(root, "targets")) {
      targets.add(t.asText());
    }
    return new ModuleMetadata(
        (int) integer(root, "abi"),
        text(root, "policy"),
        integer(root, "version"),
        integer(root, "policy_id"),
        integer(root, "schema_hash"),
        text(root, "schema"),
        targets,
        (int) integer(root, "image_size"),
        fields,
        requires,
        rollout,
        selftest,
        root.path("compiler").asText(""),
        root.path("source_sha256").asText(""));
  }

  private static DeviceAttributes device(JsonNode d) {
    List<String> tags = new ArrayList<>();
    for (JsonNode t : d.path("tags")) {
      tags.add(t.asText());
    }
    Map<String, String> attrs = new HashMap<>();
    d.path("attrs").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
    Map<String, Long> nums = new HashMap<>();
    d.path("nums").properties().forEach(e -> nums.put(e.getKey(), e.getValue().asLong()));
    return new DeviceAttributes(
        text(d, "board"),
        text(d, "id"),
        d.path("zone").asText(""),
        d.path("fw").asText(""),
        tags,
        attrs,
        nums);
  }

  private static Object scalar(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.longValue();
    }
    return v.asText();
  }

  private static Iterable<JsonNode> array(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw new IllegalArgumentException("'" + field + "' must be an array");
    }
    return v;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return v.textValue();
  }

  private static long integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("'" + field + "' must be an integer");
    }
    return v.longValue();
  }

  /** The metadata as compact UTF-8 JSON, keys in the order of docs/module-abi.md. */
  public byte[] toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("abi", abi).put("policy", policy).put("version", version);
    root.put("policy_id", policyId).put("schema_hash", schemaHash).put("schema", schema);
    ArrayNode t = root.putArray("targets");
    targets.forEach(t::add);
    root.put("image_size", imageSize);
    ArrayNode fs = root.putArray("fields");
    for (Field f : fields) {
      ObjectNode n = fs.addObject();
      n.put("name", f.name()).put("type", f.type()).put("offset", f.offset()).put("size", f.size());
      n.put("min", f.min()).put("max", f.max());
      switch (f.defaultValue()) {
        case Boolean b -> n.put("default", b);
        case Number num -> n.put("default", num.longValue());
        case String s -> n.put("default", s);
        case null, default -> n.putNull("default");
      }
      n.put("doc", f.doc());
    }
    ArrayNode rs = root.putArray("requires");
    requires.forEach(r -> rs.addObject().put("expr", r.expr()).put("message", r.message()));
    root.putObject("rollout")
        .put("canary_pct", rollout.canaryPct())
        .put("max_failures_pct", rollout.maxFailuresPct())
        .put("health_window_ms", rollout.healthWindowMs())
        .put("batch", rollout.batch());
    ArrayNode st = root.putArray("selftest");
    for (SelfTest s : selftest) {
      ObjectNode n = st.addObject();
      writeDevice(n.putObject("device"), s.device());
      if (s.sha256().isPresent()) {
        n.put("sha256", s.sha256().get());
      } else {
        n.put("error", s.error()).put("index", s.index());
      }
    }
    root.put("compiler", compiler).put("source_sha256", sourceSha256);
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write metadata JSON", e);
    }
  }

  private static void writeDevice(ObjectNode n, DeviceAttributes d) {
    n.put("board", d.board()).put("id", d.id());
    if (!d.zone().isEmpty()) {
      n.put("zone", d.zone());
    }
    if (!d.fw().isEmpty()) {
      n.put("fw", d.fw());
    }
    if (!d.tags().isEmpty()) {
      ArrayNode tags = n.putArray("tags");
      d.tags().forEach(tags::add);
    }
    if (!d.attrs().isEmpty()) {
      ObjectNode attrs = n.putObject("attrs");
      d.attrs().forEach(attrs::put);
    }
    if (!d.nums().isEmpty()) {
      ObjectNode nums = n.putObject("nums");
      d.nums().forEach(nums::put);
    }
  }
}
