package io.edgeconf.bridge.module;

import io.edgeconf.bridge.wire.WireFormatException;

/** A config module whose sections or metadata cannot be read. */
public final class ModuleFormatException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  public ModuleFormatException(String message) {
    super(message);
  }

  public ModuleFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
