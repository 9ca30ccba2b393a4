package io.edgeconf.agent.waves;

import java.util.Locale;

/** Where one board stands in a rollout. */
public enum DeviceState {
  /** Its wave has not come yet. */
  WAITING,
  /** Offline: the new image is its desired one; it is pushed when the board returns. */
  OFFLINE,
  /** The new image is on its way; no ack yet. */
  PUSHING,
  /** Acked {@code applied}; waiting for a healthy report with the new image. */
  APPLIED,
  /** Healthy on the new image; the health window is not over. */
  CONFIRMED,
  /**
   * Final: healthy on the new image in a report from the end of its health window. While the
   * rollout still decides verdicts, a later report of another image fails it after all.
   */
  SETTLED,
  /** Being sent its previous image (after a failure, or in a rollback). */
  REVERTING,
  /** Final: it failed the new image (and was sent its previous one, in a deploy). */
  FAILED,
  /** Final: a rollback sent it its previous image. */
  ROLLED_BACK,
  /** Final: a rollback came before its wave; it never got the new image. */
  NOT_REACHED,
  /** Final: a later rollout took the board over while it was still to converge. */
  SUPERSEDED;

  /** Whether nothing more happens to the board in this rollout. */
  public boolean isFinal() {
    return this == SETTLED
        || this == FAILED
        || this == ROLLED_BACK
        || this == NOT_REACHED
        || this == SUPERSEDED;
  }

  /** The device entry's {@code state} of management-api.md. */
  public String apiState() {
    return switch (this) {
      case WAITING, PUSHING, REVERTING, ROLLED_BACK, NOT_REACHED, SUPERSEDED -> "pending";
      case OFFLINE -> "offline";
      case APPLIED -> "applied";
      case CONFIRMED, SETTLED -> "confirmed";
      case FAILED -> "failed";
    };
  }

  /** The lower-case name used in JSON. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
