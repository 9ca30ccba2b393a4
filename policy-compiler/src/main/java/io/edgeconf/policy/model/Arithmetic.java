package io.edgeconf.policy.model;

/**
 * The exact 64-bit integer operations of the language, shared by constant folding, the proof and
 * the evaluator so that all three agree. Each throws {@link ArithmeticException} where rendering
 * fails with error -4.
 */
public final class Arithmetic {
  private Arithmetic() {}

  /** Applies a binary operator. */
  public static long apply(ArithOp op, long a, long b) {
    return switch (op) {
      case ADD -> Math.addExact(a, b);
      case SUB -> Math.subtractExact(a, b);
      case MUL -> Math.multiplyExact(a, b);
      case DIV -> {
        if (b == 0) {
          throw new ArithmeticException("division by zero");
        }
        if (a == Long.MIN_VALUE && b == -1) {
          throw new ArithmeticException("long overflow");
        }
        yield a / b;
      }
      case REM -> {
        if (b == 0) {
          throw new ArithmeticException("division by zero");
        }
        yield b == -1 ? 0 : a % b;
      }
    };
  }

  /** Unary minus. */
  public static long negate(long a) {
    return Math.negateExact(a);
  }

  /** {@code clamp(x, lo, hi)} = {@code min(max(x, lo), hi)}. */
  public static long clamp(long x, long lo, long hi) {
    return Math.min(Math.max(x, lo), hi);
  }
}
