package io.edgeconf.bridge.module;

import io.edgeconf.bridge.wire.WireFormatException;

/** A key file that is not an Ed25519 key in the expected PEM form; the message names the file. */
public final class KeyFormatException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  public KeyFormatException(String message) {
    super(message);
  }

  public KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
