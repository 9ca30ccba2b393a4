package io.edgeconf.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.PolicySchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What firmware built from a config module's C header knows: the policy id and schema hash it
 * accepts, and (when the metadata allows) the schema to decode images with. Read from the module's
 * {@code edgeconf.meta} custom section.
 *
 * @param policyName the policy's name, {@code ""} when the metadata has none
 * @param binding the policy id and schema hash
 * @param schema the schema, when the metadata's {@code schema} string (or its {@code fields}) can
 *     be read and agrees with the schema hash
 */
public record FirmwareModule(
    String policyName, FirmwareBinding binding, Optional<PolicySchema> schema) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public FirmwareModule {
    policyName = policyName == null ? "" : policyName;
    if (binding == null) {
      throw new IllegalArgumentException("a firmware module needs a binding");
    }
    schema = schema == null ? Optional.empty() : schema;
  }

  /** Firmware built from this schema. */
  public static FirmwareModule of(PolicySchema schema) {
    return new FirmwareModule(schema.policyName(), FirmwareBinding.of(schema), Optional.of(schema));
  }

  /**
   * @throws FirmwareModuleException when the file cannot be read or has no usable metadata
   */
  public static FirmwareModule read(Path module) {
    try {
      return fromWasm(Files.readAllBytes(module));
    } catch (IOException e) {
      throw new FirmwareModuleException("cannot read " + module + ": " + e.getMessage(), e);
    }
  }

  /**
   * @throws FirmwareModuleException when the binary has no usable {@code edgeconf.meta}
   */
  public static FirmwareModule fromWasm(byte[] wasm) {
    byte[] meta =
        WasmCustomSections.find(wasm, "edgeconf.meta")
            .orElseThrow(() -> new FirmwareModuleException("no edgeconf.meta section"));
    return fromMeta(meta);
  }

  /**
   * @throws FirmwareModuleException when the JSON has no policy id and schema hash
   */
  public static FirmwareModule fromMeta(byte[] metaJson) {
    JsonNode meta;
    try {
      meta = JSON.readTree(metaJson);
    } catch (IOException e) {
      throw new FirmwareModuleException("edgeconf.meta is not JSON: " + e.getMessage(), e);
    }
    if (meta == null || !meta.isObject()) {
      throw new FirmwareModuleException("edgeconf.meta is not a JSON object");
    }
    String policy = meta.path("policy").asText("");
    Optional<PolicySchema> schema = policy.isEmpty() ? Optional.empty() : schemaOf(policy, meta);
    FirmwareBinding binding;
    if (meta.path("policy_id").canConvertToLong() && meta.path("schema_hash").canConvertToLong()) {
      try {
        binding =
            new FirmwareBinding(
                meta.get("policy_id").longValue(), meta.get("schema_hash").longValue());
      } catch (IllegalArgumentException e) {
        throw new FirmwareModuleException("edgeconf.meta: " + e.getMessage(), e);
      }
    } else if (schema.isPresent()) {
      binding = FirmwareBinding.of(schema.get());
    } else {
      throw new FirmwareModuleException("edgeconf.meta has no policy_id and schema_hash");
    }
    FirmwareBinding b = binding;
    return new FirmwareModule(policy, binding, schema.filter(s -> FirmwareBinding.of(s).equals(b)));
  }

  private static Optional<PolicySchema> schemaOf(String policy, JsonNode meta) {
    try {
      if (meta.path("schema").isTextual()) {
        return Optional.of(CanonicalSchema.parse(policy, meta.get("schema").textValue()));
      }
      if (meta.path("fields").isArray()) {
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode f : meta.get("fields")) {
          Optional<FieldSpec> spec = MetaFields.field(f);
          if (spec.isEmpty()) {
            return Optional.empty();
          }
          fields.add(spec.get());
        }
        return Optional.of(new PolicySchema(policy, fields));
      }
    } catch (FirmwareModuleException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
