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

  /**
   * The CRC as the device protocol writes it ({@code "crc":"6ef7f919"}): eight lower-case hex
   * digits of the four bytes as they stand at the end of the image, that is the CRC-32C value in
   * little-endian byte order. The greenhouse test vector ends {@code 6e f7 f9 19} (value {@code
   * 0x19f9f76e}) and is acked with {@code "6ef7f919"}.
   */
  public static String hex(long crc) {
    return String.format("%08x", Integer.reverseBytes((int) crc) & 0xFFFF_FFFFL);
  }

  /**
   * Parses the device protocol's form of a CRC (see {@link #hex}).
   *
   * @throws IllegalArgumentException when the text is not exactly 8 hex digits
   */
  public static long parseHex(String text) {
    if (text == null || text.length() != 8) {
      throw new IllegalArgumentException("a CRC is 8 hex digits, not '" + text + "'");
    }
    try {
      return Integer.reverseBytes((int) Long.parseLong(text, 16)) & 0xFFFF_FFFFL;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a CRC is 8 hex digits, not '" + text + "'", e);
    }
  }
}
