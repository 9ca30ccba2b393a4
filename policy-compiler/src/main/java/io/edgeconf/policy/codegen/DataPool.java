package io.edgeconf.policy.codegen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The string constants of a module, packed into one data segment. A string that already occurs in
 * the pool (also as part of a longer one) is not stored twice. Not thread-safe.
 */
final class DataPool {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final int base;

  /** A pool whose first byte will live at {@code base}. */
  DataPool(int base) {
    this.base = base;
  }

  /**
   * The packed run-time value of a string constant: its length in the high 32 bits, its address in
   * the low 32 bits. The empty string is 0.
   */
  long string(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == 0) {
      return 0;
    }
    byte[] have = bytes.toByteArray();
    int at = indexOf(have, utf8);
    if (at < 0) {
      at = have.length;
      bytes.writeBytes(utf8);
    }
    return (long) utf8.length << 32 | (base + at);
  }

  /** The pool's bytes. */
  byte[] bytes() {
    return bytes.toByteArray();
  }

  int size() {
    return bytes.size();
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
