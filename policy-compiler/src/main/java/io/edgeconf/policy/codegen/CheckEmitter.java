package io.edgeconf.policy.codegen;

import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.policy.wasm.Code;
import io.edgeconf.policy.wasm.Instr;
import io.edgeconf.policy.wasm.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Emits {@code ec_check(len) -> i32}: 0 when the image at {@code ec_out} is one this policy could
 * have rendered, -5 when its length, magic, format version, flags, payload length, CRC-32C, policy
 * id or schema hash is wrong, -6 (field index at offset 0) when a field is out of its range. The
 * policy version in the header is not checked. Stateless.
 */
final class CheckEmitter {
  private CheckEmitter() {}

  static Code emit(PolicySchema schema, Helpers h) {
    Code c = new Code(List.of("len"));
    int size = schema.imageSize();
    ByteBuffer first = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    first.putInt(ImageCodec.MAGIC).put((byte) ImageCodec.FORMAT_VERSION).put((byte) 0);
    first.putShort((short) schema.payloadSize());
    c.get(0).i32(size).op(Op.I32_NE);
    c.i32(Layout.OUT).mem(Op.I64_LOAD, 0).i64(first.getLong(0)).op(Op.I64_NE).op(Op.I32_OR);
    c.i32(Layout.OUT).mem(Op.I32_LOAD, 8).i32((int) schema.policyId()).op(Op.I32_NE);
    c.op(Op.I32_OR);
    c.i32(Layout.OUT).mem(Op.I32_LOAD, 16).i32((int) schema.schemaHash()).op(Op.I32_NE);
    c.op(Op.I32_OR);
    c.call(h.image().crc()).i32(Layout.OUT).mem(Op.I32_LOAD, size - 4).op(Op.I32_NE).op(Op.I32_OR);
    c.ifThen().i32(-5).ret().end();
    boolean any = false;
    List<FieldSpec> fields = schema.fields();
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec f = fields.get(i);
      if (f.min() == loadMin(f) && f.max() == loadMax(f)) {
        continue; // every encoding is a valid value
      }
      any = true;
      c.i32(Layout.OUT).mem(load(f), PolicySchema.HEADER_SIZE + schema.offsetOf(i));
      c.i64(f.min()).i64(f.max()).i32(i).call(h.errors().chk());
    }
    if (!any) {
      c.i32(0);
      return c;
    }
    // $err is 0 or -2 (from chk): answer 0 or -6
    c.globalGet(h.errors().err()).i32(3).op(Op.I32_MUL);
    c.prepend(
        List.of(new Instr(Op.I32_CONST, 0, 0), new Instr(Op.GLOBAL_SET, h.errors().err(), 0)));
    return c;
  }

  private static Op load(FieldSpec f) {
    if (f.type() == FieldType.TEXT || f.type().fixedSize() == 1) {
      return f.type().signed() ? Op.I64_LOAD8_S : Op.I64_LOAD8_U;
    }
    if (f.type().fixedSize() == 2) {
      return f.type().signed() ? Op.I64_LOAD16_S : Op.I64_LOAD16_U;
    }
    return f.type().signed() ? Op.I64_LOAD32_S : Op.I64_LOAD32_U;
  }

  /** The smallest value the field's encoding can hold. */
  private static long loadMin(FieldSpec f) {
    return f.type().isRanged() ? f.type().min() : 0;
  }

  /** The largest value the field's encoding can hold (a byte for bool, enum and text length). */
  private static long loadMax(FieldSpec f) {
    return f.type().isRanged() ? f.type().max() : 255;
  }
}
