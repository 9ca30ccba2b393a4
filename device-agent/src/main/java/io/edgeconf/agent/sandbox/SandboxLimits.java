package io.edgeconf.agent.sandbox;

import java.time.Duration;

/**
 * What a module may use: wall time per call and linear memory.
 *
 * @param callTimeout the deadline of one call into a module (default 50 ms)
 * @param maxMemoryPages the largest linear memory in 64 KiB pages (default 2)
 */
public record SandboxLimits(Duration callTimeout, int maxMemoryPages) {
  /** The defaults of module-abi.md: 50 ms per call, 2 pages. */
  public static final SandboxLimits DEFAULT = new SandboxLimits(Duration.ofMillis(50), 2);

  public SandboxLimits {
    if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, not " + callTimeout);
    }
    if (maxMemoryPages < 1 || maxMemoryPages > 1024) {
      throw new IllegalArgumentException(
          "maxMemoryPages must lie in 1..1024, not " + maxMemoryPages);
    }
  }
}
