package io.edgeconf.policy.model;

/** The short-circuit boolean operators. */
public enum LogicOp {
  AND("and"),
  OR("or");

  private final String symbol;

  LogicOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written. */
  public String symbol() {
    return symbol;
  }
}
