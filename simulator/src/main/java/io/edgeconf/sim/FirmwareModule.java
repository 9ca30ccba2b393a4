package io.edgeconf.sim;

import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.module.ModuleFormatException;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.WasmSections;
import io.edgeconf.bridge.schema.PolicySchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    byte[] meta;
    try {
      meta =
          WasmSections.parse(wasm)
              .customContent(ModuleMetadata.SECTION)
              .orElseThrow(() -> new FirmwareModuleException("no edgeconf.meta section"));
    } catch (ModuleFormatException e) {
      throw new FirmwareModuleException("not a config module: " + e.getMessage(), e);
    }
    return fromMeta(meta);
  }

  /**
   * @throws FirmwareModuleException when the metadata cannot be read
   */
  public static FirmwareModule fromMeta(byte[] metaJson) {
    try {
      ModuleMetadata meta = ModuleMetadata.parse(metaJson);
      PolicySchema schema = meta.policySchema();
      return new FirmwareModule(meta.policy(), FirmwareBinding.of(schema), Optional.of(schema));
    } catch (ModuleFormatException e) {
      throw new FirmwareModuleException(e.getMessage(), e);
    }
  }
}
