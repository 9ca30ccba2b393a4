package io.edgeconf.bridge.transport;

/** How a push ended. Every one of these is an answer (a value), not a failure of the gateway. */
public enum PushStatus {
  /** The board acknowledged the image as applied. */
  APPLIED,
  /** The board refused the image; {@link PushResult#reason()} says why. */
  REJECTED,
  /** No ack before the deadline (the board is known and was reachable). */
  TIMEOUT,
  /** The board is unknown or offline; over MQTT the image stays retained for its return. */
  UNREACHABLE,
  /**
   * A DTLS board whose handshake failed, or from which nothing at all was heard before the
   * deadline: probably a wrong key or an identity the board does not know.
   */
  AUTH_FAILURE,
  /** A newer push to the same board replaced this one before it was answered. */
  SUPERSEDED,
  /** The board answered, but not as the protocol says (unreadable ack, wrong version or CRC). */
  PROTOCOL_ERROR;

  /** The lower-case name used in JSON documents and logs. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
