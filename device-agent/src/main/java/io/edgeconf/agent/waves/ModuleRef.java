package io.edgeconf.agent.waves;

import java.util.Objects;

/**
 * A config module as a rollout names it.
 *
 * @param version the policy version the module carries
 * @param sha256 the module's SHA-256, lower-case hex
 */
public record ModuleRef(long version, String sha256) {
  public ModuleRef {
    if (version < 0 || version > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("version " + version + " is not a u32");
    }
    Objects.requireNonNull(sha256, "sha256");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 '" + sha256 + "' is not 64 lower-case hex digits");
    }
  }
}
