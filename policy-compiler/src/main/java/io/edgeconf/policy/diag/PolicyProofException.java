package io.edgeconf.policy.diag;

/**
 * The front end failed because the proof found a device whose image would break a range or a
 * require.
 */
public final class PolicyProofException extends PolicyDiagnosticsException {
  private static final long serialVersionUID = 1L;

  /** An exception carrying the diagnostics of the compilation. */
  public PolicyProofException(Diagnostics diagnostics) {
    super(diagnostics);
  }
}
