package io.edgeconf.sim;

/** A config module whose {@code edgeconf.meta} cannot be read; the message says where. */
public final class FirmwareModuleException extends SimulatorException {
  private static final long serialVersionUID = 1L;

  public FirmwareModuleException(String message) {
    super(message);
  }

  public FirmwareModuleException(String message, Throwable cause) {
    super(message, cause);
  }
}
