package io.edgeconf.policy.wasm;

import java.io.ByteArrayOutputStream;

/** LEB128 integers as WebAssembly encodes them. Stateless. */
public final class Leb128 {
  private Leb128() {}

  /** Writes an unsigned LEB128 of a non-negative value (u32 or u64). */
  public static void writeUnsigned(ByteArrayOutputStream out, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("unsigned LEB128 of negative " + value);
    }
    do {
      int b = (int) (value & 0x7F);
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
  }

  /** Writes a signed LEB128 (s32 or s64). */
  public static void writeSigned(ByteArrayOutputStream out, long value) {
    while (true) {
      int b = (int) (value & 0x7F);
      value >>= 7;
      boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
      out.write(done ? b : b | 0x80);
      if (done) {
        return;
      }
    }
  }

  /** The unsigned encoding as an array. */
  public static byte[] unsigned(long value) {
    var out = new ByteArrayOutputStream(10);
    writeUnsigned(out, value);
    return out.toByteArray();
  }

  /** The signed encoding as an array. */
  public static byte[] signed(long value) {
    var out = new ByteArrayOutputStream(10);
    writeSigned(out, value);
    return out.toByteArray();
  }

  /** Bytes of the signed encoding of {@code value}. */
  public static int signedSize(long value) {
    return signed(value).length;
  }
}
