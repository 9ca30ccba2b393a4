package io.edgeconf.bridge.transport;

import java.util.Objects;

/**
 * The outcome of a reboot request; a value, like {@link PushResult}.
 *
 * @param deviceId the board
 * @param status how it ended
 * @param detail a human-readable explanation, {@code ""} when there is nothing to add
 */
public record RebootResult(String deviceId, Status status, String detail) {
  /** How a reboot request ended. */
  public enum Status {
    /** The board accepted the request. */
    DONE,
    /** The board is unknown or offline. */
    UNREACHABLE,
    /** The board did not answer before the deadline. */
    TIMEOUT,
    /** A DTLS board that never answered: probably a wrong key. */
    AUTH_FAILURE,
    /** The board's transport has no remote reboot (MQTT boards: use the reset line). */
    UNSUPPORTED,
    /** The board answered with an error code, or reset the request (CoAP RST). */
    REFUSED
  }

  public RebootResult {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
  }
}
