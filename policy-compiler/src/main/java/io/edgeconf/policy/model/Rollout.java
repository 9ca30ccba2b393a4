package io.edgeconf.policy.model;

/**
 * The rollout settings of a policy. Absent settings take the {@link #DEFAULT} values.
 *
 * @param canaryPct share of devices in the first wave, 0..100 (default 10)
 * @param maxFailuresPct failures tolerated, as a share of the devices tried so far, 0..100 (default
 *     0: any failure stops the rollout)
 * @param healthWindowMs how long a board must stay healthy after applying (default 30 000 ms)
 * @param batch devices per wave after the canary, 0 = all the rest at once (default 0)
 */
public record Rollout(double canaryPct, double maxFailuresPct, long healthWindowMs, int batch) {
  /** The settings a policy without a {@code rollout} block gets. */
  public static final Rollout DEFAULT = new Rollout(10, 0, 30_000, 0);

  public Rollout {
    if (!(canaryPct >= 0 && canaryPct <= 100)) {
      throw new IllegalArgumentException("canary " + canaryPct + "% is outside 0..100");
    }
    if (!(maxFailuresPct >= 0 && maxFailuresPct <= 100)) {
      throw new IllegalArgumentException("max_failures " + maxFailuresPct + "% is outside 0..100");
    }
    if (healthWindowMs < 0 || healthWindowMs > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("health_window " + healthWindowMs + " ms is out of range");
    }
    if (batch < 0) {
      throw new IllegalArgumentException("batch " + batch + " is negative");
    }
  }
}
