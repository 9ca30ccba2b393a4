package io.edgeconf.hardware;

import java.time.Duration;

/** What the status LED shows. */
public enum StatusPattern {
  /** Idle and healthy: steadily on. */
  STEADY(Duration.ZERO),
  /** A rollout is running: 1 s on, 1 s off. */
  SLOW_BLINK(Duration.ofSeconds(1)),
  /** Degraded, or after a rollback: 150 ms on, 150 ms off. */
  FAST_BLINK(Duration.ofMillis(150)),
  /** The agent is stopped. */
  OFF(Duration.ZERO);

  private final Duration halfPeriod;

  StatusPattern(Duration halfPeriod) {
    this.halfPeriod = halfPeriod;
  }

  /** How long the LED stays in each state while blinking; zero for steady patterns. */
  public Duration halfPeriod() {
    return halfPeriod;
  }
}
