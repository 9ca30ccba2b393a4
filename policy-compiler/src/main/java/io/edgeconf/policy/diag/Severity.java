package io.edgeconf.policy.diag;

/** How bad a diagnostic is: errors stop compilation (exit status 1), warnings do not. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The word printed in {@code file:line:col: error: ...}. */
  public String label() {
    return label;
  }
}
