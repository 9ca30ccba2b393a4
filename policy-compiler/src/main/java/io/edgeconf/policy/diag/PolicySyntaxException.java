package io.edgeconf.policy.diag;

/** The front end failed because the source does not parse (lexical or syntax errors). */
public final class PolicySyntaxException extends PolicyDiagnosticsException {
  private static final long serialVersionUID = 1L;

  /** An exception carrying the diagnostics of the compilation. */
  public PolicySyntaxException(Diagnostics diagnostics) {
    super(diagnostics);
  }
}
