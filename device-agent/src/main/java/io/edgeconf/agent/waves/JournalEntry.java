package io.edgeconf.agent.waves;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One durable step of a rollout. Which optional fields a type carries is checked at construction.
 * The engine writes a step before it acts on it (a push is journaled before it is sent), so after a
 * crash a step may be journaled that never reached the board, but never the other way round.
 *
 * @param type what happened
 * @param rolloutId the rollout
 * @param deviceId the board, for device steps
 * @param image the image a push or a desired image is about ({@code DEVICE_PUSHED}, {@code
 *     DEVICE_DESIRED}, {@code DEVICE_REVERTED}, {@code DEVICE_REVERT_UNCONFIRMED})
 * @param cause the failure cause ({@code DEVICE_FAILED})
 * @param detail a human-readable explanation, {@code ""} when none
 * @param causes the causes of a rollback ({@code ROLLBACK_STARTED})
 * @param outcome the outcome ({@code ROLLOUT_COMPLETED})
 * @param at when it happened (the engine's clock)
 */
public record JournalEntry(
    Type type,
    String rolloutId,
    Optional<String> deviceId,
    Optional<ImageRole> image,
    Optional<FailureCause> cause,
    String detail,
    List<String> causes,
    Optional<Outcome> outcome,
    Instant at) {

  /** The kinds of steps. */
  public enum Type {
    /** An image was pushed (written before the push is sent). */
    DEVICE_PUSHED(true),
    /** The board is offline: the image became its desired one, to reach it when it returns. */
    DEVICE_DESIRED(true),
    /** The board acked the new image as applied. */
    DEVICE_APPLIED(true),
    /** A healthy report with the new image arrived after the ack. */
    DEVICE_CONFIRMED(true),
    /** A healthy report with the new image arrived once the health window had ended: final. */
    DEVICE_SETTLED(true),
    /** The board failed the new image (see cause); its revert follows. */
    DEVICE_FAILED(true),
    /** The board's reset line was pulsed (once per board). */
    DEVICE_RESET_PULSED(true),
    /** The board is back on its previous image (reported healthy, or offline with it desired). */
    DEVICE_REVERTED(true),
    /** The board was sent its previous image but never reported healthy on it: final. */
    DEVICE_REVERT_UNCONFIRMED(true),
    /** A rollback came before the board's wave: it never got the new image. */
    DEVICE_NOT_REACHED(true),
    /** A later rollout took the board over before it converged (it was offline). */
    DEVICE_SUPERSEDED(true),
    /** The threshold tripped: every board that got the new image goes back. */
    ROLLBACK_STARTED(false),
    /** Every board of the rollback has its final state. */
    ROLLBACK_COMPLETED(false),
    /** The rollout ended (offline boards may still converge afterwards). */
    ROLLOUT_COMPLETED(false);

    private final boolean device;

    Type(boolean device) {
      this.device = device;
    }

    /** Whether steps of this type name a device. */
    public boolean device() {
      return device;
    }

    /** The lower-case name used in JSON. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public JournalEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rolloutId, "rolloutId");
    deviceId = deviceId == null ? Optional.empty() : deviceId;
    image = image == null ? Optional.empty() : image;
    cause = cause == null ? Optional.empty() : cause;
    detail = detail == null ? "" : detail;
    causes = causes == null ? List.of() : List.copyOf(causes);
    outcome = outcome == null ? Optional.empty() : outcome;
    Objects.requireNonNull(at, "at");
    if (type.device() != deviceId.isPresent()) {
      throw new IllegalArgumentException(
          type.wireName() + ": a device id is required exactly for device steps");
    }
    boolean needsImage =
        type == Type.DEVICE_PUSHED
            || type == Type.DEVICE_DESIRED
            || type == Type.DEVICE_REVERTED
            || type == Type.DEVICE_REVERT_UNCONFIRMED;
    if (needsImage != image.isPresent()) {
      throw new IllegalArgumentException(
          type.wireName() + ": image given " + image + ", required " + needsImage);
    }
    if ((type == Type.DEVICE_FAILED) != cause.isPresent()) {
      throw new IllegalArgumentException(
          type.wireName() + ": a cause is required exactly for device_failed");
    }
    if ((type == Type.ROLLOUT_COMPLETED) != outcome.isPresent()) {
      throw new IllegalArgumentException(
          type.wireName() + ": an outcome is required exactly for rollout_completed");
    }
  }

  /** A device step without cause. */
  public static JournalEntry device(
      Type type,
      String rolloutId,
      String deviceId,
      Optional<ImageRole> image,
      String detail,
      Instant at) {
    return new JournalEntry(
        type,
        rolloutId,
        Optional.of(deviceId),
        image,
        Optional.empty(),
        detail,
        List.of(),
        Optional.empty(),
        at);
  }

  /** A {@code DEVICE_FAILED} step. */
  public static JournalEntry failed(
      String rolloutId, String deviceId, FailureCause cause, String detail, Instant at) {
    return new JournalEntry(
        Type.DEVICE_FAILED,
        rolloutId,
        Optional.of(deviceId),
        Optional.empty(),
        Optional.of(cause),
        detail,
        List.of(),
        Optional.empty(),
        at);
  }

  /** A rollout-wide step ({@code ROLLBACK_STARTED} with causes, {@code ROLLBACK_COMPLETED}). */
  public static JournalEntry rollout(Type type, String rolloutId, List<String> causes, Instant at) {
    return new JournalEntry(
        type,
        rolloutId,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "",
        causes,
        Optional.empty(),
        at);
  }

  /** A {@code ROLLOUT_COMPLETED} step. */
  public static JournalEntry completed(
      String rolloutId, Outcome outcome, List<String> causes, Instant at) {
    return new JournalEntry(
        Type.ROLLOUT_COMPLETED,
        rolloutId,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "",
        causes,
        Optional.of(outcome),
        at);
  }
}
