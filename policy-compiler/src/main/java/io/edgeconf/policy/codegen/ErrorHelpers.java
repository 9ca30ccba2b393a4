package io.edgeconf.policy.codegen;

import static io.edgeconf.policy.wasm.ValType.I32;
import static io.edgeconf.policy.wasm.ValType.I64;

import io.edgeconf.policy.wasm.Op;
import java.util.List;

/**
 * The error state of a generated module: {@code $err} holds the first error of a render or check (0
 * while there is none); {@code fail} records one, with its index at {@code ec_out} offset 0; {@code
 * chk} is the range check that fails with -2. Not thread-safe.
 */
final class ErrorHelpers {
  private final HelperRegistry registry;

  ErrorHelpers(HelperRegistry registry) {
    this.registry = registry;
  }

  /** Whether any generated code can record an error (so {@code $err} exists). */
  boolean hasErrors() {
    return registry.hasGlobal("err");
  }

  /** {@code $err}: the first error code, 0 while there is none. */
  int err() {
    return registry.global("err");
  }

  /**
   * {@code fail(bad i32, index i32, code i32)}: records error {@code code} when bad and none yet.
   */
  int fail() {
    return registry.function(
        "fail",
        List.of(I32, I32, I32),
        null,
        List.of("bad", "index", "code"),
        c ->
            c.globalGet(err())
                .op(Op.I32_EQZ)
                .get(0)
                .op(Op.I32_AND)
                .ifThen()
                .get(2)
                .globalSet(err())
                .i32(Layout.OUT)
                .get(1)
                .mem(Op.I32_STORE16, 0)
                .end());
  }

  /** {@code chk(v i64, lo i64, hi i64, index i32)}: error -2 when v lies outside lo..hi. */
  int chk() {
    return registry.function(
        "chk",
        List.of(I64, I64, I64, I32),
        null,
        List.of("v", "lo", "hi", "index"),
        c ->
            c.get(0)
                .get(1)
                .op(Op.I64_LT_S)
                .get(0)
                .get(2)
                .op(Op.I64_GT_S)
                .op(Op.I32_OR)
                .get(3)
                .i32(-2)
                .call(fail()));
  }
}
