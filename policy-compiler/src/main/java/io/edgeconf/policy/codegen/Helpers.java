package io.edgeconf.policy.codegen;

import static io.edgeconf.policy.wasm.ValType.I32;
import static io.edgeconf.policy.wasm.ValType.I64;

import io.edgeconf.policy.model.ArithOp;
import io.edgeconf.policy.wasm.Code;
import io.edgeconf.policy.wasm.FuncType;
import io.edgeconf.policy.wasm.Op;
import io.edgeconf.policy.wasm.ValType;
import io.edgeconf.policy.wasm.WasmModule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run-time helper functions of a generated module, each added the first time generated code
 * calls it, so a module carries only the helpers it uses. Strings are packed into an i64 (length in
 * the high half, address in the low half); integers are i64; conditions i32. Not thread-safe.
 *
 * <p>Errors: {@code $err} holds the first error of a render or check (0 while there is none);
 * {@code fail} records one, with its index at {@code ec_out} offset 0.
 */
final class Helpers {
  /** The descriptor record tags the lookups use. */
  static final int TAG_TAG = 5;

  static final int TAG_ATTR = 6;
  static final int TAG_NUM = 7;

  private static final long HIGH = 0xFFFF_FFFF_0000_0000L;
  private static final int CRC32C_POLY = 0x82F63B78;

  private final WasmModule module;
  private final Layout layout;
  private final int crcLength;
  private final Map<String, Integer> functions = new HashMap<>();
  private final Map<String, Integer> globals = new HashMap<>();

  /**
   * @param crcLength bytes of the image the CRC covers (the image size minus 4)
   */
  Helpers(WasmModule module, Layout layout, int crcLength) {
    this.module = module;
    this.layout = layout;
    this.crcLength = crcLength;
  }

  /** Whether any generated code can record an error (so {@code $err} exists). */
  boolean hasErrors() {
    return globals.containsKey("err");
  }

  /** {@code $err}: the first error code, 0 while there is none. */
  int err() {
    return global("err");
  }

  /** {@code $end}: the end of the descriptor being rendered. */
  int end() {
    return global("end");
  }

  private int global(String name) {
    return globals.computeIfAbsent(name, n -> module.global(n, I32, true, 0));
  }

  /**
   * {@code fail(bad i32, index i32, code i32)}: records error {@code code} when bad and none yet.
   */
  int fail() {
    return helper(
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
    return helper(
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

  /** {@code streq(a i64, b i64) -> i32}: whether two packed strings hold the same bytes. */
  int streq() {
    return helper(
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

  /**
   * {@code find(tag i32, key i64) -> i64}: the value of the last descriptor record with this tag
   * and key (tag 5: the record is the key; tags 6, 7: key, NUL, value), packed; 0 when there is
   * none. A found tag record gives a non-zero value.
   */
  int find() {
    return helper(
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
          c.get(p).i32(2).op(Op.I32_ADD).op(Op.I64_EXTEND_I32_U).get(1).i64(HIGH).op(Op.I64_AND);
          c.op(Op.I64_OR).get(1).call(streq()).op(Op.I32_AND);
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
    return helper(
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

  /** {@code crc() -> i32}: CRC-32C of the image at ec_out without its last 4 bytes. */
  int crc() {
    return helper(
        "crc",
        List.of(),
        I32,
        List.of(),
        c -> {
          int crc = c.local(I32, "crc");
          int p = c.local(I32, "p");
          int k = c.local(I32, "k");
          c.i32(-1).set(crc);
          c.block().loop();
          c.get(p).i32(crcLength).op(Op.I32_GE_U).brIf(1);
          c.get(crc).get(p).mem(Op.I32_LOAD8_U, Layout.OUT).op(Op.I32_XOR).set(crc);
          c.i32(8).set(k);
          c.loop();
          c.get(crc).i32(1).op(Op.I32_SHR_U);
          c.i32(CRC32C_POLY).i32(0).get(crc).i32(1).op(Op.I32_AND).op(Op.I32_SUB).op(Op.I32_AND);
          c.op(Op.I32_XOR).set(crc);
          c.get(k).i32(1).op(Op.I32_SUB).tee(k).brIf(0);
          c.end();
          c.get(p).i32(1).op(Op.I32_ADD).set(p).br(0);
          c.end().end();
          c.get(crc).i32(-1).op(Op.I32_XOR);
        });
  }

  /** {@code wtext(at i32, s i64, n i32)}: a text field: length byte, then n bytes zero padded. */
  int wtext() {
    return helper(
        "wtext",
        List.of(I32, I64, I32),
        null,
        List.of("at", "s", "n"),
        c -> {
          int i = c.local(I32, "i");
          int l = c.local(I32, "l");
          c.get(0).get(1).i64(32).op(Op.I64_SHR_U).op(Op.I32_WRAP_I64).tee(l);
          c.mem(Op.I32_STORE8, 0);
          c.block().loop();
          c.get(i).get(2).op(Op.I32_GE_U).brIf(1);
          c.get(0).get(i).op(Op.I32_ADD);
          c.get(1).op(Op.I32_WRAP_I64).get(i).op(Op.I32_ADD).mem(Op.I32_LOAD8_U, 0);
          c.i32(0).get(i).get(l).op(Op.I32_LT_U).op(Op.SELECT);
          c.mem(Op.I32_STORE8, 1);
          c.get(i).i32(1).op(Op.I32_ADD).set(i).br(0);
          c.end().end();
        });
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

  private int addSub(String name, Op op) {
    return helper(
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
          c.op(Op.I64_AND).i64(0).op(Op.I64_LT_S).i32(0).i32(-4).call(fail());
          c.get(r);
        });
  }

  private int mul() {
    return helper(
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
          c.i32(0).i32(-4).call(fail());
          c.get(r);
        });
  }

  private int divRem(String name, Op op) {
    return helper(
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
          c.tee(bad).i32(0).i32(-4).call(fail());
          c.get(bad).ifThen(I64).i64(0).elseBranch().get(0).get(1).op(op).end();
        });
  }

  /** {@code min(a, b)} or {@code max(a, b)} on i64. */
  int minMax(boolean min) {
    return helper(
        min ? "min" : "max",
        List.of(I64, I64),
        I64,
        List.of("a", "b"),
        c -> c.get(0).get(1).get(0).get(1).op(min ? Op.I64_LT_S : Op.I64_GT_S).op(Op.SELECT));
  }

  /**
   * {@code fwcmp(a i64, b i64) -> i32}: -1, 0 or 1 as version string a is below, equal to or above
   * b, component by component; the empty string is 0.0.0.
   */
  int fwcmp() {
    return helper(
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
    return helper(
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
    return helper(
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
    return helper(
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

  private int helper(
      String name,
      List<ValType> params,
      ValType result,
      List<String> paramNames,
      java.util.function.Consumer<Code> body) {
    Integer have = functions.get(name);
    if (have != null) {
      return have;
    }
    int index = module.function(name, FuncType.of(params, result));
    functions.put(name, index);
    Code code = new Code(paramNames);
    body.accept(code);
    module.define(index, code);
    return index;
  }
}
