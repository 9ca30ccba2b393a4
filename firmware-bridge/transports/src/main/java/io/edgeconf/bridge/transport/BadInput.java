package io.edgeconf.bridge.transport;

/**
 * Why a message from a board (or something posing as one) was ignored. Each is counted and logged
 * at most once a minute; none changes a board's state.
 */
public enum BadInput {
  /** A {@code hello} or registration body that is not valid JSON or misses a required field. */
  HELLO_MALFORMED,
  /** A {@code hello} or registration body larger than {@code Hello.MAX_BYTES}. */
  HELLO_OVERSIZED,
  /** A {@code hello} naming a board that another transport serves. */
  WRONG_TRANSPORT,
  /** An {@code online} payload other than {@code 1} or {@code 0}. */
  ONLINE_MALFORMED,
  /** An ack that cannot be read. */
  ACK_MALFORMED,
  /** An ack larger than {@code Ack.MAX_BYTES}. */
  ACK_OVERSIZED,
  /** An ack for a version (and CRC) the gateway never pushed to that board. */
  ACK_NOT_PUSHED,
  /** A health report that cannot be read. */
  HEALTH_MALFORMED,
  /** A health report larger than {@code Health.MAX_BYTES}. */
  HEALTH_OVERSIZED,
  /** A CoAP registration with a missing or invalid {@code ep} or {@code lt} parameter. */
  REGISTRATION_MALFORMED,
  /** A device id that breaks {@code [A-Za-z0-9._-]{1,64}}. */
  INVALID_ID,
  /** A message from a device id that never announced itself. */
  UNKNOWN_DEVICE,
  /** A topic or resource outside the protocol. */
  UNKNOWN_MESSAGE,
  /** More messages than a board may send per second, or than the gateway can queue. */
  FLOOD,
  /** A new board when the gateway already tracks its maximum number of boards. */
  CAPACITY,
  /** A DTLS handshake that failed (wrong key) or named an identity without a key. */
  DTLS_AUTH_FAILED,
  /** A DTLS peer registering under an id other than its PSK identity. */
  IDENTITY_MISMATCH
}
