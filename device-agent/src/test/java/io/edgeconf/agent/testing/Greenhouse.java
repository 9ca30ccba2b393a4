package io.edgeconf.agent.testing;

import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.policy.ModuleCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/** The reference greenhouse policy, compiled by the real compiler and signed with a test key. */
public final class Greenhouse {
  private Greenhouse() {}

  public static final Path POLICY = Path.of("..", "examples", "greenhouse.policy");

  /** Compiles the policy (optionally with a different version line) and signs it. */
  public static byte[] module(KeyPair key, long version) throws IOException {
    String source =
        Files.readString(POLICY)
            .replace("policy greenhouse version 7", "policy greenhouse version " + version);
    var c = ModuleCompiler.compile("greenhouse.policy", source, key.getPrivate());
    if (!c.ok()) {
      throw new IllegalStateException("greenhouse does not compile: " + c);
    }
    return c.output().orElseThrow().module();
  }

  /**
   * Compiles the policy with a version and another rollout block (e.g. {@code "canary 50%\n
   * max_failures 20%\n health_window 2s"}) and signs it.
   */
  public static byte[] module(KeyPair key, long version, String rolloutBlock) throws IOException {
    String source =
        Files.readString(POLICY)
            .replace("policy greenhouse version 7", "policy greenhouse version " + version)
            .replace(
                "rollout {\n  canary 10%\n  max_failures 5%\n  health_window 15s\n}",
                "rollout {\n" + rolloutBlock + "\n}");
    if (!source.contains(rolloutBlock)) {
      throw new IllegalStateException("the rollout block of greenhouse.policy changed");
    }
    var c = ModuleCompiler.compile("greenhouse.policy", source, key.getPrivate());
    if (!c.ok()) {
      throw new IllegalStateException("greenhouse does not compile: " + c);
    }
    return c.output().orElseThrow().module();
  }

  /** Writes the key's public half into a trust directory. */
  public static void trust(KeyPair key, Path trustDir) throws IOException {
    Files.createDirectories(trustDir);
    Ed25519Keys.writePublicKey(
        trustDir.resolve("test-" + System.nanoTime() + ".pub"), key.getPublic());
  }
}
