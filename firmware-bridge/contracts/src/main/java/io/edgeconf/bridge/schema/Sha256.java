package io.edgeconf.bridge.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the 32-bit identifiers EdgeConf derives from it. */
public final class Sha256 {
  private Sha256() {}

  public static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The digest as lower-case hex. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  /** The first 4 bytes of the SHA-256 of the UTF-8 text, read as an unsigned little-endian u32. */
  public static long first4LittleEndian(String text) {
    byte[] d = digest(text.getBytes(StandardCharsets.UTF_8));
    return (d[0] & 0xFFL) | (d[1] & 0xFFL) << 8 | (d[2] & 0xFFL) << 16 | (d[3] & 0xFFL) << 24;
  }
}
