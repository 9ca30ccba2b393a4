package io.edgeconf.cli.demo;

import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.KeyId;
import io.edgeconf.policy.Compilation;
import io.edgeconf.policy.ModuleCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

/**
 * The signed modules of the demo: the greenhouse example (a class path resource of the command
 * line) compiled as version 7 and as a version 8, both with a shortened health window, signed with
 * a throwaway Ed25519 key whose public half goes into the agent's trust directory.
 *
 * @param good the greenhouse module as shipped (version 7)
 * @param bad the next version, the one that crashes some boards
 * @param goodVersion the version of {@code good}
 * @param badVersion the version of {@code bad}
 * @param keyId the id of the throwaway signing key
 */
record DemoModules(byte[] good, byte[] bad, long goodVersion, long badVersion, String keyId) {
  /** The example policy on the class path (from examples/ at build time). */
  static final String RESOURCE = "/examples/greenhouse.policy";

  DemoModules {
    if (good == null || bad == null || badVersion <= goodVersion) {
      throw new IllegalArgumentException("two modules, the second of a higher version, expected");
    }
  }

  /**
   * Compiles and signs both versions and trusts the key.
   *
   * @param trustDir where the public key is written (as {@code demo.pub})
   * @throws IOException when the example cannot be read or the key cannot be written
   * @throws IllegalStateException when the example does not compile
   */
  static DemoModules build(Path trustDir, Duration healthWindow, int badTempHighC)
      throws IOException {
    String example = example();
    KeyPair key = Ed25519Keys.generate();
    Ed25519Keys.writePublicKey(trustDir.resolve("demo.pub"), key.getPublic());
    String good = PolicyVariants.withHealthWindow(example, healthWindow);
    Compilation.Output v7 = compile(good, key);
    long next = v7.metadata().version() + 1;
    Compilation.Output v8 = compile(PolicyVariants.nextVersion(good, next, badTempHighC), key);
    return new DemoModules(
        v7.module(),
        v8.module(),
        v7.metadata().version(),
        v8.metadata().version(),
        KeyId.of(key.getPublic()).toString());
  }

  private static String example() throws IOException {
    try (InputStream in = DemoModules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the greenhouse example is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Compilation.Output compile(String source, KeyPair key) {
    Compilation c = ModuleCompiler.compile("greenhouse.policy", source, key.getPrivate());
    return c.output()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the greenhouse example does not compile:\n"
                        + c.frontEnd().diagnostics().render()));
  }
}
