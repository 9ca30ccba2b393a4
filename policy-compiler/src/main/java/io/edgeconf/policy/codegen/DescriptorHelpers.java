package io.edgeconf.policy.codegen;

import static io.edgeconf.policy.wasm.ValType.I32;
import static io.edgeconf.policy.wasm.ValType.I64;

import io.edgeconf.policy.wasm.Op;
import java.util.List;

/**
 * Lookups in the device descriptor at {@code ec_in}: tags, string attributes and integer
 * attributes, by key, within {@code $end}, the end of the descriptor being rendered. Not
 * thread-safe.
 */
final class DescriptorHelpers {
  /** The descriptor record tags the lookups use. */
  static final int TAG_TAG = 5;

  static final int TAG_ATTR = 6;
  static final int TAG_NUM = 7;

  private final HelperRegistry registry;
  private final StringHelpers strings;
  private final Layout layout;

  DescriptorHelpers(HelperRegistry registry, StringHelpers strings, Layout layout) {
    this.registry = registry;
    this.strings = strings;
    this.layout = layout;
  }

  /** {@code $end}: the end of the descriptor being rendered. */
  int end() {
    return registry.global("end");
  }

  /**
   * {@code find(tag i32, key i64) -> i64}: the value of the last descriptor record with this tag
   * and key (tag 5: the record is the key; tags 6, 7: key, NUL, value), packed; 0 when there is
   * none. A found tag record gives a non-zero value.
   */
  int find() {
    return registry.function(
        "find",
        List.of(I32, I64),
        I64,
        List.of("tag", "key"),
        c -> {
          int p = c.local(I32, "p");
          int l = c.local(I32, "l");
          int kl = c.local(I32, "kl");
          int r = c.local(I64, "r");
          c.get(1).i64(32).op(Op.I64_SHR_U).op(Op.I32_WRAP_I64).set(kl);
          c.i32(layout.in()).set(p);
          c.block().loop();
          c.get(p).globalGet(end()).op(Op.I32_GE_U).brIf(1);
          c.get(p).mem(Op.I32_LOAD8_U, 1).set(l);
          // the tag matches ...
          c.get(p).mem(Op.I32_LOAD8_U, 0).get(0).op(Op.I32_EQ);
          // ... the record is exactly the key (a tag), or the key then NUL (an attribute) ...
          c.get(l).get(kl).op(Op.I32_EQ);
          c.get(l).get(kl).op(Op.I32_GT_U);
          c.get(p).get(kl).op(Op.I32_ADD).mem(Op.I32_LOAD8_U, 2).op(Op.I32_EQZ).op(Op.I32_AND);
          c.get(0).i32(TAG_TAG).op(Op.I32_EQ).op(Op.SELECT).op(Op.I32_AND);
          // ... and its first bytes are the key (reads stay inside the guard after ec_in)
          c.get(p).i32(2).op(Op.I32_ADD).op(Op.I64_EXTEND_I32_U);
          c.get(1).i64(StringHelpers.HIGH).op(Op.I64_AND);
          c.op(Op.I64_OR).get(1).call(strings.streq()).op(Op.I32_AND);
          c.ifThen();
          c.get(p).get(kl).op(Op.I32_ADD).i32(3).op(Op.I32_ADD).op(Op.I64_EXTEND_I32_U);
          c.get(l).get(kl).op(Op.I32_SUB).i32(1).op(Op.I32_SUB).op(Op.I64_EXTEND_I32_U);
          c.i64(32).op(Op.I64_SHL).op(Op.I64_OR).set(r);
          c.end();
          c.get(p).get(l).op(Op.I32_ADD).i32(2).op(Op.I32_ADD).set(p).br(0);
          c.end().end();
          c.get(r);
        });
  }

  /** {@code num(key i64, default i64) -> i64}: the integer attribute, or the default. */
  int num() {
    return registry.function(
        "num",
        List.of(I64, I64),
        I64,
        List.of("key", "default"),
        c -> {
          int r = c.local(I64, "r");
          c.i32(TAG_NUM).get(0).call(find()).tee(r).i64(32).op(Op.I64_SHR_U).i64(8);
          c.op(Op.I64_EQ).ifThen(I64).get(r).op(Op.I32_WRAP_I64).mem(Op.I64_LOAD, 0);
          c.elseBranch().get(1).end();
        });
  }
}
