package io.edgeconf.policy.codegen;

import static io.edgeconf.policy.wasm.ValType.I32;
import static io.edgeconf.policy.wasm.ValType.I64;

import io.edgeconf.policy.model.ArithOp;
import io.edgeconf.policy.wasm.Op;
import java.util.List;

/**
 * Integer arithmetic on i64 in a generated module: the checked operators, which record error -4 on
 * overflow or a zero divisor, and {@code min}/{@code max}. Not thread-safe.
 */
final class ArithmeticHelpers {
  private final HelperRegistry registry;
  private final ErrorHelpers errors;

  ArithmeticHelpers(HelperRegistry registry, ErrorHelpers errors) {
    this.registry = registry;
    this.errors = errors;
  }

  /** The checked helper of an arithmetic operator: error -4 on overflow or a zero divisor. */
  int arith(ArithOp op) {
    return switch (op) {
      case ADD -> addSub("add", Op.I64_ADD);
      case SUB -> addSub("sub", Op.I64_SUB);
      case MUL -> mul();
      case DIV -> divRem("div", Op.I64_DIV_S);
      case REM -> divRem("rem", Op.I64_REM_S);
    };
  }

  /** {@code min(a, b)} or {@code max(a, b)} on i64. */
  int minMax(boolean min) {
    return registry.function(
        min ? "min" : "max",
        List.of(I64, I64),
        I64,
        List.of("a", "b"),
        c -> c.get(0).get(1).get(0).get(1).op(min ? Op.I64_LT_S : Op.I64_GT_S).op(Op.SELECT));
  }

  private int addSub(String name, Op op) {
    return registry.function(
        name,
        List.of(I64, I64),
        I64,
        List.of("a", "b"),
        c -> {
          int r = c.local(I64, "r");
          c.get(0).get(1).op(op).set(r);
          if (op == Op.I64_ADD) {
            // overflow when both operands have the sign the result lacks
            c.get(0).get(r).op(Op.I64_XOR).get(1).get(r).op(Op.I64_XOR);
          } else {
            // overflow when the operands' signs differ and the result's sign is not a's
            c.get(0).get(1).op(Op.I64_XOR).get(0).get(r).op(Op.I64_XOR);
          }
          c.op(Op.I64_AND).i64(0).op(Op.I64_LT_S).i32(0).i32(-4).call(errors.fail());
          c.get(r);
        });
  }

  private int mul() {
    return registry.function(
        "mul",
        List.of(I64, I64),
        I64,
        List.of("a", "b"),
        c -> {
          int r = c.local(I64, "r");
          c.get(0).get(1).op(Op.I64_MUL).set(r);
          // a = -1 overflows only for b = MIN; otherwise r / a must give b back
          c.get(0).i64(-1).op(Op.I64_EQ).ifThen(I32);
          c.get(1).i64(Long.MIN_VALUE).op(Op.I64_EQ);
          c.elseBranch();
          c.get(0).op(Op.I64_EQZ).ifThen(I32).i32(0).elseBranch();
          c.get(r).get(0).op(Op.I64_DIV_S).get(1).op(Op.I64_NE).end();
          c.end();
          c.i32(0).i32(-4).call(errors.fail());
          c.get(r);
        });
  }

  private int divRem(String name, Op op) {
    return registry.function(
        name,
        List.of(I64, I64),
        I64,
        List.of("a", "b"),
        c -> {
          int bad = c.local(I32, "bad");
          c.get(1).op(Op.I64_EQZ);
          if (op == Op.I64_DIV_S) {
            c.get(0).i64(Long.MIN_VALUE).op(Op.I64_EQ).get(1).i64(-1).op(Op.I64_EQ);
            c.op(Op.I32_AND).op(Op.I32_OR);
          }
          c.tee(bad).i32(0).i32(-4).call(errors.fail());
          c.get(bad).ifThen(I64).i64(0).elseBranch().get(0).get(1).op(op).end();
        });
  }
}
