package io.edgeconf.policy.codegen;

import static io.edgeconf.policy.wasm.ValType.I32;
import static io.edgeconf.policy.wasm.ValType.I64;

import io.edgeconf.policy.wasm.Op;
import java.util.List;

/**
 * Writing and sealing the image at {@code ec_out}: text fields, and the CRC-32C over the image that
 * render writes and check verifies. Not thread-safe.
 */
final class ImageHelpers {
  private static final int CRC32C_POLY = 0x82F63B78;

  private final HelperRegistry registry;
  private final int crcLength;

  /**
   * @param crcLength bytes of the image the CRC covers (the image size minus 4)
   */
  ImageHelpers(HelperRegistry registry, int crcLength) {
    this.registry = registry;
    this.crcLength = crcLength;
  }

  /** {@code crc() -> i32}: CRC-32C of the image at ec_out without its last 4 bytes. */
  int crc() {
    return registry.function(
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
    return registry.function(
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
}
