package io.edgeconf.bridge.transport;

/** An operation on a transport that has been closed (or a push cut short by closing it). */
public final class TransportClosedException extends TransportException {
  private static final long serialVersionUID = 1L;

  public TransportClosedException(String message) {
    super(message);
  }
}
