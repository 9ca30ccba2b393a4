package io.edgeconf.faults;

/**
 * When the soak SIGKILLs the agent during one deploy: after a delay counted from the deploy's
 * answer (or from the previous restart), or once the rollout published its {@code n}-th event of a
 * type. When the rollout completes first, the kill happens then (a kill after the outcome is one
 * more case of resume). The agent stays down {@code downMillis} before it is started again.
 *
 * @param delayMillis the delay ({@code event} empty), else unused
 * @param event the event type to wait for, or {@code ""} for a delay
 * @param n how many such events of this rollout to wait for
 * @param downMillis how long the agent stays dead
 */
record KillPlan(long delayMillis, String event, int n, long downMillis) {
  static KillPlan afterDelay(long delayMillis, long downMillis) {
    return new KillPlan(delayMillis, "", 0, downMillis);
  }

  static KillPlan onEvent(String event, int n, long downMillis) {
    return new KillPlan(0, event, n, downMillis);
  }

  boolean onEvent() {
    return !event.isEmpty();
  }

  @Override
  public String toString() {
    return (onEvent() ? "on " + event + " #" + n : "after " + delayMillis + "ms")
        + ", down "
        + downMillis
        + "ms";
  }
}
