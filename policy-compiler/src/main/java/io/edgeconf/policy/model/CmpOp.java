package io.edgeconf.policy.model;

/** Comparison operators. */
public enum CmpOp {
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  CmpOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written. */
  public String symbol() {
    return symbol;
  }

  /** Whether this is {@code ==} or {@code !=}, the only operators of unordered types. */
  public boolean isEquality() {
    return this == EQ || this == NE;
  }

  /** Applies the operator to the result of a three-way comparison. */
  public boolean test(int comparison) {
    return switch (this) {
      case EQ -> comparison == 0;
      case NE -> comparison != 0;
      case LT -> comparison < 0;
      case LE -> comparison <= 0;
      case GT -> comparison > 0;
      case GE -> comparison >= 0;
    };
  }

  /** The operator that holds exactly when this one does not. */
  public CmpOp negate() {
    return switch (this) {
      case EQ -> NE;
      case NE -> EQ;
      case LT -> GE;
      case LE -> GT;
      case GT -> LE;
      case GE -> LT;
    };
  }

  /** The operator with its operands swapped ({@code a < b} is {@code b > a}). */
  public CmpOp swap() {
    return switch (this) {
      case EQ, NE -> this;
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
    };
  }
}
