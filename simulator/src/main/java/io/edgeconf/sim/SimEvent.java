package io.edgeconf.sim;

import java.time.Instant;

/**
 * Something a simulated board did, for listeners, tests and {@code sim --json}.
 *
 * @param time when it happened (the simulator's clock)
 * @param deviceId the board
 * @param kind what happened
 * @param version the image version it concerns (the running one for boot and health events), 0 when
 *     none
 * @param crc that image's CRC-32C, 0 when none
 * @param detail a reason, a fault or an address; {@code ""} when there is nothing to add
 */
public record SimEvent(
    Instant time, String deviceId, Kind kind, long version, long crc, String detail) {
  /** What happened. */
  public enum Kind {
    /** Connected to the broker, or (CoAP) powered and serving. */
    ONLINE,
    /** Lost its connection, or went dark. */
    OFFLINE,
    /** (CoAP) a registration was answered with success. */
    REGISTERED,
    /** Applied an image and acked {@code applied}. */
    APPLIED,
    /** Refused an image; {@code detail} is the reason. */
    REJECTED,
    /** Dropped a push without answering (a fault, or a replay of a failed image). */
    IGNORED,
    /** Went back to its previous slot (a crash or unhealthy); version and CRC are the old ones. */
    REVERTED,
    /** Lost power while writing a slot. */
    POWER_CUT,
    /** Booted; {@code detail} lists torn slots found, if any. */
    BOOTED,
    /** Its faults changed; {@code detail} lists the faults now set. */
    FAULTS
  }

  public SimEvent {
    if (time == null || deviceId == null || kind == null) {
      throw new IllegalArgumentException("an event needs a time, a device and a kind");
    }
    detail = detail == null ? "" : detail;
  }
}
