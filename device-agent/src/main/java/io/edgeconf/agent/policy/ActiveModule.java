package io.edgeconf.agent.policy;

import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.bridge.module.ModuleMetadata;

/**
 * A policy's active module: immutable, so a render that started on it finishes on it even when a
 * newer module is swapped in meanwhile.
 *
 * @param sha256 the module's SHA-256
 * @param metadata its metadata
 * @param program the compiled module
 */
public record ActiveModule(String sha256, ModuleMetadata metadata, ModuleProgram program) {
  public String policy() {
    return metadata.policy();
  }

  public long version() {
    return metadata.version();
  }
}
