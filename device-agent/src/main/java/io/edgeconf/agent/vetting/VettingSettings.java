package io.edgeconf.agent.vetting;

import io.edgeconf.agent.sandbox.SandboxLimits;
import io.edgeconf.bridge.module.TrustedKeys;

/**
 * The limits and trust a vetter applies.
 *
 * @param maxModuleBytes the largest module accepted (default 64 KiB), checked before parsing
 * @param maxMemoryPages the largest declared memory maximum (default 2 pages)
 * @param trustedKeys the keys whose signatures are accepted
 * @param allowUnsigned skip the signature check (local development only)
 */
public record VettingSettings(
    int maxModuleBytes, int maxMemoryPages, TrustedKeys trustedKeys, boolean allowUnsigned) {
  /** The default module size limit: 64 KiB. */
  public static final int DEFAULT_MAX_MODULE_BYTES = 64 * 1024;

  public VettingSettings {
    if (maxModuleBytes < 8) {
      throw new IllegalArgumentException("maxModuleBytes " + maxModuleBytes + " is too small");
    }
    if (maxMemoryPages < 1) {
      throw new IllegalArgumentException("maxMemoryPages must be positive: " + maxMemoryPages);
    }
    if (trustedKeys == null) {
      throw new IllegalArgumentException("trustedKeys must be given (TrustedKeys.none())");
    }
  }

  /** Defaults with these keys. */
  public static VettingSettings defaults(TrustedKeys keys, boolean allowUnsigned) {
    return new VettingSettings(
        DEFAULT_MAX_MODULE_BYTES, SandboxLimits.DEFAULT.maxMemoryPages(), keys, allowUnsigned);
  }
}
