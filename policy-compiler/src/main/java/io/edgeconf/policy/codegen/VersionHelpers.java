package io.edgeconf.policy.codegen;

import static io.edgeconf.policy.wasm.ValType.I32;
import static io.edgeconf.policy.wasm.ValType.I64;

import io.edgeconf.policy.wasm.Op;
import java.util.List;

/**
 * Firmware versions in a generated module: checking that one is well formed and comparing two,
 * component by component. Versions are packed strings ({@link StringHelpers}). Not thread-safe.
 */
final class VersionHelpers {
  private final HelperRegistry registry;

  VersionHelpers(HelperRegistry registry) {
    this.registry = registry;
  }

  /**
   * {@code fwcmp(a i64, b i64) -> i32}: -1, 0 or 1 as version string a is below, equal to or above
   * b, component by component; the empty string is 0.0.0.
   */
  int fwcmp() {
    return registry.function(
        "fwcmp",
        List.of(I64, I64),
        I32,
        List.of("a", "b"),
        c -> {
          int x = c.local(I64, "x");
          int y = c.local(I64, "y");
          int k = c.local(I32, "k");
          c.i32(3).set(k);
          c.loop();
          c.get(0).call(vpart()).set(x);
          c.get(1).call(vpart()).set(y);
          c.get(x).get(y).op(Op.I64_NE).ifThen();
          c.get(x).get(y).op(Op.I64_GT_S).get(x).get(y).op(Op.I64_LT_S).op(Op.I32_SUB).ret();
          c.end();
          c.get(0).call(vrest()).set(0);
          c.get(1).call(vrest()).set(1);
          c.get(k).i32(1).op(Op.I32_SUB).tee(k).brIf(0);
          c.end();
          c.i32(0);
        });
  }

  /**
   * {@code fwok(s i64) -> i32}: whether a firmware version is empty or {@code MAJOR.MINOR.PATCH}
   * with 1 to 9 digits each.
   */
  int fwok() {
    return registry.function(
        "fwok",
        List.of(I64),
        I32,
        List.of("s"),
        c -> {
          int i = c.local(I32, "i");
          int n = c.local(I32, "n");
          int digits = c.local(I32, "digits");
          int dots = c.local(I32, "dots");
          int ch = c.local(I32, "c");
          c.get(0).i64(32).op(Op.I64_SHR_U).op(Op.I32_WRAP_I64).tee(n).op(Op.I32_EQZ);
          c.ifThen().i32(1).ret().end();
          c.block().loop();
          c.get(i).get(n).op(Op.I32_GE_U).brIf(1);
          c.get(0).op(Op.I32_WRAP_I64).get(i).op(Op.I32_ADD).mem(Op.I32_LOAD8_U, 0).set(ch);
          c.get(ch).i32('.').op(Op.I32_EQ).ifThen();
          // a dot ends a group of 1 to 9 digits
          c.get(digits).i32(1).op(Op.I32_SUB).i32(9).op(Op.I32_GE_U).ifThen().i32(0).ret().end();
          c.get(dots).i32(1).op(Op.I32_ADD).set(dots).i32(0).set(digits);
          c.elseBranch();
          c.get(ch).i32('0').op(Op.I32_SUB).i32(10).op(Op.I32_GE_U).ifThen().i32(0).ret().end();
          c.get(digits).i32(1).op(Op.I32_ADD).set(digits);
          c.end();
          c.get(i).i32(1).op(Op.I32_ADD).set(i).br(0);
          c.end().end();
          c.get(dots).i32(2).op(Op.I32_EQ);
          c.get(digits).i32(1).op(Op.I32_SUB).i32(9).op(Op.I32_LT_U).op(Op.I32_AND);
        });
  }

  /** {@code vpart(s i64) -> i64}: the number before the first '.' of a version string. */
  private int vpart() {
    return registry.function(
        "vpart",
        List.of(I64),
        I64,
        List.of("s"),
        c -> {
          int v = c.local(I64, "v");
          int i = c.local(I32, "i");
          int ch = c.local(I32, "c");
          c.block().loop();
          c.get(i).get(0).i64(32).op(Op.I64_SHR_U).op(Op.I32_WRAP_I64).op(Op.I32_GE_U).brIf(1);
          c.get(0).op(Op.I32_WRAP_I64).get(i).op(Op.I32_ADD).mem(Op.I32_LOAD8_U, 0).tee(ch);
          c.i32('.').op(Op.I32_EQ).brIf(1);
          c.get(v).i64(10).op(Op.I64_MUL).get(ch).i32('0').op(Op.I32_SUB).op(Op.I64_EXTEND_I32_U);
          c.op(Op.I64_ADD).set(v);
          c.get(i).i32(1).op(Op.I32_ADD).set(i).br(0);
          c.end().end();
          c.get(v);
        });
  }

  /** {@code vrest(s i64) -> i64}: the packed rest of a version string after its first '.'. */
  private int vrest() {
    return registry.function(
        "vrest",
        List.of(I64),
        I64,
        List.of("s"),
        c -> {
          int i = c.local(I32, "i");
          int n = c.local(I32, "n");
          c.get(0).i64(32).op(Op.I64_SHR_U).op(Op.I32_WRAP_I64).set(n);
          c.block().loop();
          c.get(i).get(n).op(Op.I32_GE_U).brIf(1);
          c.get(0).op(Op.I32_WRAP_I64).get(i).op(Op.I32_ADD).mem(Op.I32_LOAD8_U, 0);
          c.get(i).i32(1).op(Op.I32_ADD).set(i);
          c.i32('.').op(Op.I32_EQ).brIf(1);
          c.br(0);
          c.end().end();
          // the rest starts just past the '.' (or is empty at the end)
          c.get(0).op(Op.I32_WRAP_I64).get(i).op(Op.I32_ADD).op(Op.I64_EXTEND_I32_U);
          c.get(n).get(i).op(Op.I32_SUB).op(Op.I64_EXTEND_I32_U).i64(32).op(Op.I64_SHL);
          c.op(Op.I64_OR);
        });
  }
}
