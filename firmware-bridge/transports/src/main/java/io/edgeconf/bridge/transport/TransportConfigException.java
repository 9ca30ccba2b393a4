package io.edgeconf.bridge.transport;

/** Settings, a key file or TLS material that cannot be used; the message says which and where. */
public final class TransportConfigException extends TransportException {
  private static final long serialVersionUID = 1L;

  public TransportConfigException(String message) {
    super(message);
  }

  public TransportConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
