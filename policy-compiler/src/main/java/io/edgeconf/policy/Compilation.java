package io.edgeconf.policy;

import io.edgeconf.bridge.module.KeyId;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.policy.cheader.CHeaderGenerator;
import io.edgeconf.policy.codegen.ModuleSizes;
import java.util.Optional;

/**
 * What compiling one policy source gave: the front end's result (diagnostics always) and, when
 * there was no error, the module. A value.
 *
 * @param frontEnd diagnostics, checked policy and metadata
 * @param output the module; present exactly when the front end succeeded
 */
public record Compilation(FrontEndResult frontEnd, Optional<Output> output) {
  /**
   * A compiled module.
   *
   * @param module the WebAssembly binary, signed when a key was given
   * @param sizes its size by section
   * @param wat the text form of its code (without the signature)
   * @param metadata its {@code edgeconf.meta} content
   * @param signedBy the key id of the signature, when signed
   */
  public record Output(
      byte[] module,
      ModuleSizes sizes,
      String wat,
      ModuleMetadata metadata,
      Optional<KeyId> signedBy) {
    public Output {
      module = module.clone();
    }

    @Override
    public byte[] module() {
      return module.clone();
    }

    /** The C99 header for board firmware (see {@link CHeaderGenerator}). */
    public String cHeader() {
      return CHeaderGenerator.generate(metadata);
    }
  }

  public Compilation {
    if (frontEnd == null || output == null || frontEnd.ok() != output.isPresent()) {
      throw new IllegalArgumentException(
          "a compilation has output exactly when the front end succeeded");
    }
  }

  /** Whether the policy compiled (warnings allowed). */
  public boolean ok() {
    return output.isPresent();
  }
}
