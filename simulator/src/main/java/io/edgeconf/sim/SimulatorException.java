package io.edgeconf.sim;

/**
 * Root of the simulator's failures: it could not start (no broker, a port, the state directory), or
 * one of its inputs (fault SPEC, PSK file, firmware module) is invalid. Each subclass names one
 * phase.
 */
public class SimulatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulatorException(String message) {
    super(message);
  }

  public SimulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
