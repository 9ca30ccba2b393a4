package io.edgeconf.policy.diag;

/** The front end failed because names, types, ranges or sizes are wrong. */
public final class PolicyTypeException extends PolicyDiagnosticsException {
  private static final long serialVersionUID = 1L;

  /** An exception carrying the diagnostics of the compilation. */
  public PolicyTypeException(Diagnostics diagnostics) {
    super(diagnostics);
  }
}
