package io.edgeconf.hardware;

/**
 * Root of the hardware module's failures: a wiring file that cannot be used, or GPIO that fails.
 */
public class HardwareException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HardwareException(String message) {
    super(message);
  }

  public HardwareException(String message, Throwable cause) {
    super(message, cause);
  }
}
