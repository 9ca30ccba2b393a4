package io.edgeconf.agent.waves;

/** How a rollout ended, and so which module must be active. */
public enum Outcome {
  /**
   * The rollout's module stays active. Every board runs the new image, except boards that failed
   * (reverted to their previous image) and boards still offline (their desired image is the new
   * one; they converge when they return).
   */
  SUCCEEDED,
  /**
   * Failures exceeded the threshold: every board was sent its previous image again, and the agent
   * must make the previous module active again (the failed one stays recorded).
   */
  ROLLED_BACK;

  /** The lower-case name used in JSON. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
