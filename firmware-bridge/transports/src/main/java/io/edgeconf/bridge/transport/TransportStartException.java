package io.edgeconf.bridge.transport;

/** A transport that could not start, for instance because its port is taken. */
public final class TransportStartException extends TransportException {
  private static final long serialVersionUID = 1L;

  public TransportStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
