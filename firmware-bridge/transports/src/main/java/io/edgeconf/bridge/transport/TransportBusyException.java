package io.edgeconf.bridge.transport;

/**
 * Backpressure: the transport's bounded outgoing queue is full. Nothing was dropped that had been
 * accepted; the caller should retry later.
 */
public final class TransportBusyException extends TransportException {
  private static final long serialVersionUID = 1L;

  public TransportBusyException(String message) {
    super(message);
  }
}
