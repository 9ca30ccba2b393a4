package io.edgeconf.bench;

/**
 * What one deploy took, each time in milliseconds from just before the deploy command was sent
 * (negative when the event never came).
 *
 * @param kind {@code rollout} (a good version) or {@code rollback} (a version that trips the
 *     threshold)
 * @param boards boards in the fleet
 * @param accepted the deploy's answer (module vetted and active)
 * @param mqttApplied the last ESP32 (MQTT) board's {@code device_applied}
 * @param allApplied the last {@code device_applied}
 * @param allConfirmed the last {@code device_confirmed}
 * @param rollbackStarted {@code rollback_started}
 * @param rollbackCompleted {@code rollback_completed}
 * @param completed {@code rollout_completed}
 * @param outcome its outcome
 * @param applied boards that applied the new image
 * @param confirmed boards confirmed
 * @param failed boards failed
 * @param causes failure causes with their counts, e.g. {@code old_version×10}
 */
record RolloutTiming(
    String kind,
    int boards,
    double accepted,
    double mqttApplied,
    double allApplied,
    double allConfirmed,
    double rollbackStarted,
    double rollbackCompleted,
    double completed,
    String outcome,
    int applied,
    int confirmed,
    int failed,
    String causes) {
  /** The figure the record asks for: to every board confirmed, or to the rollback's end. */
  double headline() {
    return kind.equals("rollback") ? rollbackCompleted : completed;
  }
}
