package io.edgeconf.agent.waves;

/**
 * Receives a rollout's events and progress; the agent publishes them on MQTT. Called on the
 * engine's serial executor: return quickly, do not block. An exception thrown here is logged and
 * ignored.
 */
public interface RolloutObserver {
  /** An event of management-api.md's {@code events} topic. */
  default void onEvent(RolloutEvent event) {}

  /** The progress changed (phase or a count). */
  default void onProgress(RolloutProgress progress) {}

  /** An observer that ignores everything. */
  static RolloutObserver none() {
    return new RolloutObserver() {};
  }
}
