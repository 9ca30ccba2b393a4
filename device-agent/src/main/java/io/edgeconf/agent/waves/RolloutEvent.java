package io.edgeconf.agent.waves;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a rollout, as the agent publishes it on {@code ec/gw/<gw>/events}.
 *
 * @param type what happened
 * @param rolloutId the rollout
 * @param policy its policy
 * @param at when (the engine's clock)
 * @param deviceId the board, for device events
 * @param cause why a board failed ({@code device_failed})
 * @param detail a human-readable explanation, {@code ""} when none
 * @param causes the causes of a rollback, or of a rolled-back outcome
 * @param outcome the outcome ({@code rollout_completed}, and {@code rollback_completed} of an
 *     operator's rollback)
 */
public record RolloutEvent(
    Type type,
    String rolloutId,
    String policy,
    Instant at,
    Optional<String> deviceId,
    Optional<FailureCause> cause,
    String detail,
    List<String> causes,
    Optional<Outcome> outcome) {

  /** The event names of management-api.md. */
  public enum Type {
    ROLLOUT_STARTED,
    DEVICE_APPLIED,
    DEVICE_CONFIRMED,
    DEVICE_FAILED,
    ROLLOUT_COMPLETED,
    ROLLBACK_STARTED,
    ROLLBACK_COMPLETED;

    /** The name in the event's JSON, e.g. {@code rollout_started}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RolloutEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rolloutId, "rolloutId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(at, "at");
    deviceId = deviceId == null ? Optional.empty() : deviceId;
    cause = cause == null ? Optional.empty() : cause;
    detail = detail == null ? "" : detail;
    causes = causes == null ? List.of() : List.copyOf(causes);
    outcome = outcome == null ? Optional.empty() : outcome;
    if ((type == Type.DEVICE_FAILED) != cause.isPresent()) {
      throw new IllegalArgumentException("a cause is given exactly for device_failed");
    }
  }
}
