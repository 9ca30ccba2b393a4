package io.edgeconf.policy.model;

/**
 * Integer operators. {@code /} truncates toward zero and {@code %} takes the dividend's sign (as
 * Java and WebAssembly's {@code i64.div_s}/{@code i64.rem_s}); a zero divisor and {@code
 * Long.MIN_VALUE / -1} are arithmetic errors; {@code Long.MIN_VALUE % -1} is 0.
 */
public enum ArithOp {
  ADD("+"),
  SUB("-"),
  MUL("*"),
  DIV("/"),
  REM("%");

  private final String symbol;

  ArithOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written. */
  public String symbol() {
    return symbol;
  }
}
