package io.edgeconf.faults;

/**
 * The rollout block of one soak deploy, as the policy language writes it.
 *
 * @param canaryPct share of the boards in the canary wave
 * @param maxFailuresPct failures tolerated, as a share of the boards tried
 * @param batch boards per wave after the canary (0: all the rest at once)
 * @param windowSeconds the health window
 */
record RolloutBlock(int canaryPct, int maxFailuresPct, int batch, int windowSeconds) {
  RolloutBlock {
    if (canaryPct < 1 || canaryPct > 100 || maxFailuresPct < 0 || maxFailuresPct > 100) {
      throw new IllegalArgumentException("canary " + canaryPct + ", max " + maxFailuresPct);
    }
    if (batch < 0 || windowSeconds < 1) {
      throw new IllegalArgumentException("batch " + batch + ", window " + windowSeconds);
    }
  }

  /** The block's body, for {@code Greenhouse.module(key, version, block)}. */
  String text() {
    return "  canary "
        + canaryPct
        + "%\n  max_failures "
        + maxFailuresPct
        + "%\n  health_window "
        + windowSeconds
        + "s\n  batch "
        + batch;
  }

  @Override
  public String toString() {
    return "canary "
        + canaryPct
        + "% max "
        + maxFailuresPct
        + "% batch "
        + batch
        + " window "
        + windowSeconds
        + "s";
  }
}
