package io.edgeconf.bridge.descriptor;

import io.edgeconf.bridge.wire.WireFormatException;

/** Device attributes that cannot be written as, or read from, a device descriptor. */
public final class DescriptorException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  public DescriptorException(String message) {
    super(message);
  }
}
