package io.edgeconf.bridge.transport;

/** An operation that needs to know which transport serves a board the gateway has not seen. */
public final class UnknownBoardException extends TransportException {
  private static final long serialVersionUID = 1L;

  public UnknownBoardException(String deviceId) {
    super("no transport has seen board '" + deviceId + "'");
  }
}
