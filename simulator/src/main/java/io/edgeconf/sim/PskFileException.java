package io.edgeconf.sim;

/** A PSK file that cannot be read; the message names the file and line. */
public final class PskFileException extends SimulatorException {
  private static final long serialVersionUID = 1L;

  public PskFileException(String message) {
    super(message);
  }

  public PskFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
