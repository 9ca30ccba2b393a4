package io.edgeconf.bridge.image;

import java.util.zip.CRC32C;

/** CRC-32C (Castagnoli), as images carry it; and its 8-digit hex form used in acks and health. */
public final class Crc32c {
  private Crc32c() {}

  public static long of(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  public static long of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  /** Eight lower-case hex digits, as in {@code "crc":"6ef7f919"}. */
  public static String hex(long crc) {
    return String.format("%08x", crc & 0xFFFF_FFFFL);
  }

  /**
   * Parses eight hex digits.
   *
   * @throws IllegalArgumentException when the text is not 1 to 8 hex digits
   */
  public static long parseHex(String text) {
    if (text == null || text.isEmpty() || text.length() > 8) {
      throw new IllegalArgumentException("a CRC is 8 hex digits, not '" + text + "'");
    }
    try {
      return Long.parseLong(text, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a CRC is 8 hex digits, not '" + text + "'", e);
    }
  }
}
