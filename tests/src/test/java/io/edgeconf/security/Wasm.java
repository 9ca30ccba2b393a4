package io.edgeconf.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Byte-level WebAssembly building blocks for hand-made (and deliberately broken) modules. */
final class Wasm {
  private Wasm() {}

  static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};
  static final int TYPE = 1;
  static final int IMPORT = 2;
  static final int FUNCTION = 3;
  static final int TABLE = 4;
  static final int MEMORY = 5;
  static final int GLOBAL = 6;
  static final int EXPORT = 7;
  static final int START = 8;
  static final int ELEMENT = 9;
  static final int CODE = 10;
  static final int DATA = 11;
  static final int DATA_COUNT = 12;

  static final int I32 = 0x7F;
  static final int I64 = 0x7E;
  static final int F32 = 0x7D;
  static final int F64 = 0x7C;

  /** Unsigned LEB128. */
  static void leb(ByteArrayOutputStream out, long value) {
    long v = value;
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }

  static byte[] uleb(long value) {
    var out = new ByteArrayOutputStream();
    leb(out, value);
    return out.toByteArray();
  }

  /** Signed LEB128. */
  static byte[] sleb(long value) {
    var out = new ByteArrayOutputStream();
    long v = value;
    while (true) {
      int b = (int) (v & 0x7F);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      out.write(done ? b : b | 0x80);
      if (done) {
        return out.toByteArray();
      }
    }
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] cat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] name(String s) {
    byte[] n = s.getBytes(StandardCharsets.UTF_8);
    return cat(uleb(n.length), n);
  }

  /** A vector: count then items. */
  static byte[] vec(List<byte[]> items) {
    List<byte[]> all = new ArrayList<>();
    all.add(uleb(items.size()));
    all.addAll(items);
    return cat(all.toArray(byte[][]::new));
  }

  /** A section: id, size, content. */
  static byte[] section(int id, byte[] content) {
    return cat(bytes(id), uleb(content.length), content);
  }

  /** A function body: size, locals, code (which must end with 0x0B itself). */
  static byte[] body(byte[] locals, byte[] code) {
    byte[] inner = cat(locals, code);
    return cat(uleb(inner.length), inner);
  }

  static final byte[] NO_LOCALS = {0};

  /** {@code i32.const v}. */
  static byte[] i32(int v) {
    return cat(bytes(0x41), sleb(v));
  }

  /** An immutable i32 global with a constant initialiser. */
  static byte[] constGlobal(int v) {
    return cat(bytes(I32, 0), i32(v), bytes(0x0B));
  }

  static byte[] export(String name, int kind, long index) {
    return cat(name(name), bytes(kind), uleb(index));
  }
}
