package io.edgeconf.agent.store;

/**
 * An image as devices report it: its policy version and CRC-32C.
 *
 * @param version the policy version (0 when none)
 * @param crc the CRC-32C (0 when none)
 */
public record ImageRef(long version, long crc) {
  /** No image. */
  public static final ImageRef NONE = new ImageRef(0, 0);

  public ImageRef {
    if (version < 0 || version > 0xFFFF_FFFFL || crc < 0 || crc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("version " + version + " and crc " + crc + " must be u32");
    }
  }

  /** Whether this names an image. */
  public boolean present() {
    return !equals(NONE);
  }
}
