package io.edgeconf.bridge.transport;

/**
 * Root of the failures of the board transports. A board's answer (applied, rejected, no answer) is
 * never one of these: it is a {@link PushResult}. These are the gateway's own failures: bad
 * settings, a port that cannot be bound, a full outgoing queue, a closed transport.
 */
public abstract class TransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected TransportException(String message) {
    super(message);
  }

  protected TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
