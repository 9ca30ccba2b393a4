package io.edgeconf.policy.codegen;

import static io.edgeconf.policy.wasm.ValType.I32;
import static io.edgeconf.policy.wasm.ValType.I64;

import io.edgeconf.policy.wasm.Op;
import java.util.List;

/**
 * String comparison in a generated module. A string is packed into an i64: its length in the high
 * half, its address in the low half ({@link DataPool#string}). Not thread-safe.
 */
final class StringHelpers {
  /** The high half of a packed string: its length. */
  static final long HIGH = 0xFFFF_FFFF_0000_0000L;

  private final HelperRegistry registry;

  StringHelpers(HelperRegistry registry) {
    this.registry = registry;
  }

  /** {@code streq(a i64, b i64) -> i32}: whether two packed strings hold the same bytes. */
  int streq() {
    return registry.function(
        "streq",
        List.of(I64, I64),
        I32,
        List.of("a", "b"),
        c -> {
          int i = c.local(I32, "i");
          c.get(0).get(1).op(Op.I64_XOR).i64(HIGH).op(Op.I64_AND).op(Op.I64_EQZ).op(Op.I32_EQZ);
          c.ifThen().i32(0).ret().end();
          c.loop();
          c.get(i).get(0).i64(32).op(Op.I64_SHR_U).op(Op.I32_WRAP_I64).op(Op.I32_GE_U);
          c.ifThen().i32(1).ret().end();
          c.get(0).op(Op.I32_WRAP_I64).get(i).op(Op.I32_ADD).mem(Op.I32_LOAD8_U, 0);
          c.get(1).op(Op.I32_WRAP_I64).get(i).op(Op.I32_ADD).mem(Op.I32_LOAD8_U, 0);
          c.op(Op.I32_NE).ifThen().i32(0).ret().end();
          c.get(i).i32(1).op(Op.I32_ADD).set(i).br(0).end();
          c.op(Op.UNREACHABLE);
        });
  }
}
