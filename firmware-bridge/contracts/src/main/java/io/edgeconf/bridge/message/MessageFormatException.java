package io.edgeconf.bridge.message;

import io.edgeconf.bridge.wire.WireFormatException;

/**
 * A device-protocol JSON message that is not valid: unparsable, oversized, or a field missing or
 * mistyped.
 */
public final class MessageFormatException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  public MessageFormatException(String message) {
    super(message);
  }

  public MessageFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
