package io.edgeconf.agent.vetting;

import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.bridge.module.ModuleMetadata;
import java.util.Map;
import java.util.Optional;

/**
 * A module that passed every check, ready to become active.
 *
 * @param bytes the module as received
 * @param sha256 its SHA-256, lower-case hex (its id in the store)
 * @param metadata its parsed {@code edgeconf.meta}
 * @param program the module ready to render (compiled once)
 * @param signer the key id of its signature, empty when it was accepted unsigned
 * @param images the image rendered for each served device during the render check, by device id
 */
public record VettedModule(
    byte[] bytes,
    String sha256,
    ModuleMetadata metadata,
    ModuleProgram program,
    Optional<String> signer,
    Map<String, byte[]> images) {
  public VettedModule {
    bytes = bytes.clone();
    images = Map.copyOf(images);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The policy name. */
  public String policy() {
    return metadata.policy();
  }

  /** The policy version. */
  public long version() {
    return metadata.version();
  }
}
