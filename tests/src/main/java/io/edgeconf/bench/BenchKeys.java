package io.edgeconf.bench;

import io.edgeconf.policy.ModuleCompiler;
import java.security.KeyPair;

/** Compiles the greenhouse example (optionally edited) and signs it. Stateless. */
final class BenchKeys {
  private BenchKeys() {}

  /** The signed module of a policy text. */
  static byte[] signedModule(String source, KeyPair key) {
    var c = ModuleCompiler.compile("greenhouse.policy", source, key.getPrivate());
    return c.output()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "greenhouse does not compile:\n" + c.frontEnd().diagnostics().render()))
        .module();
  }
}
