package io.edgeconf.sim;

/** A fault SPEC, or a control-topic message, that cannot be read; the message names the item. */
public final class FaultSpecException extends SimulatorException {
  private static final long serialVersionUID = 1L;

  public FaultSpecException(String message) {
    super(message);
  }
}
