package io.edgeconf.policy.diag;

import io.edgeconf.policy.PolicyException;

/**
 * A front-end failure carrying every diagnostic of the compilation (warnings included). Its message
 * is the rendered diagnostics.
 */
public abstract class PolicyDiagnosticsException extends PolicyException {
  private static final long serialVersionUID = 1L;

  private final transient Diagnostics diagnostics;

  protected PolicyDiagnosticsException(Diagnostics diagnostics) {
    super(diagnostics.render());
    this.diagnostics = diagnostics;
  }

  /** The diagnostics of the failed compilation. */
  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
