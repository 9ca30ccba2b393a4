package io.edgeconf.agent.waves;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's timing. Health windows come from each policy's rollout block unless {@code
 * healthWindowOverride} is given (tests and benchmarks shorten them).
 *
 * @param pushDeadline the longest one push may take, queueing included (default 30 s)
 * @param healthWindowOverride replaces every policy's {@code health_window} when present
 * @param firstHealthTimeout how long after an ack the first healthy report may take, when the
 *     health window is shorter (default 10 s)
 * @param revertTimeout how long a reverted board has to report healthy on its previous image
 *     (default 30 s)
 * @param resetWait how long a board has after its reset line was pulsed (default 30 s)
 * @param staleReportGrace reports with another image received this soon after the ack are taken as
 *     sent before it, not as a crash (default 500 ms)
 * @param busyRetry how long to wait before pushing again when the transport's queue is full
 *     (default 1 s)
 * @param freshReportTimeout how long a confirmed board whose health window has ended may take to
 *     send a report from then on, while the transport still counts it online; without one it failed
 *     {@code silent} (default 30 s)
 */
public record EngineSettings(
    Duration pushDeadline,
    Optional<Duration> healthWindowOverride,
    Duration firstHealthTimeout,
    Duration revertTimeout,
    Duration resetWait,
    Duration staleReportGrace,
    Duration busyRetry,
    Duration freshReportTimeout) {
  public EngineSettings {
    requirePositive("pushDeadline", pushDeadline);
    healthWindowOverride = healthWindowOverride == null ? Optional.empty() : healthWindowOverride;
    healthWindowOverride.ifPresent(
        d -> {
          if (d.isNegative()) {
            throw new IllegalArgumentException("healthWindowOverride " + d + " is negative");
          }
        });
    requirePositive("firstHealthTimeout", firstHealthTimeout);
    requirePositive("revertTimeout", revertTimeout);
    requirePositive("resetWait", resetWait);
    Objects.requireNonNull(staleReportGrace, "staleReportGrace");
    if (staleReportGrace.isNegative()) {
      throw new IllegalArgumentException("staleReportGrace " + staleReportGrace + " is negative");
    }
    requirePositive("busyRetry", busyRetry);
    requirePositive("freshReportTimeout", freshReportTimeout);
  }

  /** The defaults named above. */
  public static EngineSettings defaults() {
    return new EngineSettings(
        Duration.ofSeconds(30),
        Optional.empty(),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  /** These settings with every policy's health window replaced. */
  public EngineSettings withHealthWindow(Duration window) {
    return new EngineSettings(
        pushDeadline,
        Optional.of(window),
        firstHealthTimeout,
        revertTimeout,
        resetWait,
        staleReportGrace,
        busyRetry,
        freshReportTimeout);
  }

  /** These settings with other timeouts (push, first health, revert, reset). */
  public EngineSettings withTimeouts(
      Duration push, Duration firstHealth, Duration revert, Duration reset) {
    return new EngineSettings(
        push,
        healthWindowOverride,
        firstHealth,
        revert,
        reset,
        staleReportGrace,
        busyRetry,
        freshReportTimeout);
  }

  /** These settings with another wait for a report after a board's health window ended. */
  public EngineSettings withFreshReportTimeout(Duration timeout) {
    return new EngineSettings(
        pushDeadline,
        healthWindowOverride,
        firstHealthTimeout,
        revertTimeout,
        resetWait,
        staleReportGrace,
        busyRetry,
        timeout);
  }

  private static void requirePositive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " " + d + " must be positive");
    }
  }
}
