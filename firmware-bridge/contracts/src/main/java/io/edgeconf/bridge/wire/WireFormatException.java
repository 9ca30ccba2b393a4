package io.edgeconf.bridge.wire;

/**
 * Root of the failures to read or write the bytes that cross to boards and operators: images,
 * device descriptors and device-protocol messages. Each subclass names one format.
 */
public abstract class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected WireFormatException(String message) {
    super(message);
  }

  protected WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
