package io.edgeconf.policy;

import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.KeyId;
import io.edgeconf.bridge.module.ModuleSigner;
import io.edgeconf.policy.codegen.GeneratedModule;
import io.edgeconf.policy.codegen.ModuleGenerator;
import io.edgeconf.policy.codegen.ModuleSizes;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Optional;

/**
 * The whole compiler: policy source → front end (diagnostics, proof, self-test vectors) → code
 * generator → optional signature. Synchronous, stateless and thread-safe.
 */
public final class ModuleCompiler {
  private ModuleCompiler() {}

  /**
   * Compiles a policy file's bytes (UTF-8).
   *
   * @param fileName the name diagnostics show
   * @param source the policy
   * @param signKey the Ed25519 key to sign the module with, or null for an unsigned module
   * @return the diagnostics, and the module when there was no error; bad input never throws
   * @throws io.edgeconf.bridge.module.KeyFormatException when the key cannot sign
   * @throws CodegenException when the code generator fails on a policy the front end accepted (a
   *     compiler bug)
   */
  public static Compilation compile(String fileName, byte[] source, PrivateKey signKey) {
    return finish(PolicyFrontEnd.compile(fileName, source), signKey);
  }

  /** Compiles policy text; see {@link #compile(String, byte[], PrivateKey)}. */
  public static Compilation compile(String fileName, String source, PrivateKey signKey) {
    return compile(fileName, source.getBytes(StandardCharsets.UTF_8), signKey);
  }

  private static Compilation finish(FrontEndResult front, PrivateKey signKey) {
    if (!front.ok()) {
      return new Compilation(front, Optional.empty());
    }
    var meta = front.metadata().orElseThrow();
    GeneratedModule generated;
    try {
      generated = ModuleGenerator.generate(front.policy().orElseThrow(), meta);
    } catch (RuntimeException e) {
      throw new CodegenException(
          "code generation failed for policy " + meta.policy() + ": " + e, e);
    }
    byte[] module = generated.bytes();
    Optional<KeyId> keyId = Optional.empty();
    if (signKey != null) {
      module = ModuleSigner.sign(module, signKey);
      keyId = Optional.of(KeyId.of(Ed25519Keys.publicKeyOf(signKey)));
    }
    var output =
        new Compilation.Output(module, ModuleSizes.of(module), generated.wat(), meta, keyId);
    return new Compilation(front, Optional.of(output));
  }
}
