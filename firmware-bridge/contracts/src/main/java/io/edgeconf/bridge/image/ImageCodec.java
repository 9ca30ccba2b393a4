package io.edgeconf.bridge.image;

import io.edgeconf.bridge.schema.PolicySchema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalLong;

/**
 * Encodes and checks config images (format v1, see docs/config-image.md). Stateless and
 * thread-safe.
 *
 * <p>Checks run in the order a board's firmware runs them, so the first failing one is the reason a
 * board would give: capacity, length, magic, format, declared length, CRC, policy id, schema hash.
 */
public final class ImageCodec {
  /** {@code ECFG}. */
  public static final int MAGIC = 0x47464345;

  /** The only format version. */
  public static final int FORMAT_VERSION = 1;

  private static final int MIN_SIZE = PolicySchema.HEADER_SIZE + PolicySchema.TRAILER_SIZE;

  private ImageCodec() {}

  /** The image bytes, with the CRC-32C computed over everything before it. */
  public static byte[] encode(ConfigImage image) {
    byte[] payload = image.payload();
    ByteBuffer buf = ByteBuffer.allocate(MIN_SIZE + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(MAGIC)
        .put((byte) FORMAT_VERSION)
        .put((byte) 0)
        .putShort((short) payload.length)
        .putInt((int) image.policyId())
        .putInt((int) image.version())
        .putInt((int) image.schemaHash())
        .put(payload);
    buf.putInt((int) Crc32c.of(buf.array(), 0, buf.position()));
    return buf.array();
  }

  /**
   * Decodes an image, checking its structure (length, magic, format, declared length, CRC).
   *
   * @throws ImageRejectedException with the reason a board would give
   */
  public static ConfigImage decode(byte[] bytes) {
    if (bytes == null || bytes.length < MIN_SIZE) {
      throw new ImageRejectedException(
          RejectionReason.LENGTH,
          "an image has at least "
              + MIN_SIZE
              + " bytes, this one "
              + (bytes == null ? 0 : bytes.length));
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int magic = buf.getInt(0);
    if (magic != MAGIC) {
      throw new ImageRejectedException(
          RejectionReason.MAGIC,
          String.format("magic is %08x, not ECFG", Integer.reverseBytes(magic)));
    }
    int version = bytes[4] & 0xFF;
    int flags = bytes[5] & 0xFF;
    if (version != FORMAT_VERSION || flags != 0) {
      throw new ImageRejectedException(
          RejectionReason.FORMAT,
          "format version " + version + " with flags " + flags + " (expected 1 with flags 0)");
    }
    int payloadLength = buf.getShort(6) & 0xFFFF;
    if (MIN_SIZE + payloadLength != bytes.length) {
      throw new ImageRejectedException(
          RejectionReason.LENGTH,
          "payload length "
              + payloadLength
              + " needs an image of "
              + (MIN_SIZE + payloadLength)
              + " bytes, this one has "
              + bytes.length);
    }
    long stored = crcOf(bytes);
    long computed = Crc32c.of(bytes, 0, bytes.length - PolicySchema.TRAILER_SIZE);
    if (stored != computed) {
      throw new ImageRejectedException(
          RejectionReason.CRC,
          "CRC-32C is " + Crc32c.hex(stored) + ", the bytes give " + Crc32c.hex(computed));
    }
    byte[] payload = new byte[payloadLength];
    System.arraycopy(bytes, PolicySchema.HEADER_SIZE, payload, 0, payloadLength);
    return new ConfigImage(
        buf.getInt(8) & 0xFFFF_FFFFL,
        buf.getInt(12) & 0xFFFF_FFFFL,
        buf.getInt(16) & 0xFFFF_FFFFL,
        payload);
  }

  /**
   * Checks an image as a board's firmware does before applying it.
   *
   * @param bytes the image
   * @param capacity the board's config capacity in bytes
   * @param binding the policy the firmware is built for; unbound firmware checks only structure
   * @return the decoded image
   * @throws ImageRejectedException with the reason the board would give
   */
  public static ConfigImage verify(byte[] bytes, int capacity, FirmwareBinding binding) {
    if (bytes != null && bytes.length > capacity) {
      throw new ImageRejectedException(
          RejectionReason.TOO_LARGE,
          bytes.length + " bytes exceed the board's capacity of " + capacity);
    }
    ConfigImage image = decode(bytes);
    if (binding != null) {
      if (image.policyId() != binding.policyId()) {
        throw new ImageRejectedException(
            RejectionReason.POLICY,
            "policy id " + image.policyId() + ", the firmware is built for " + binding.policyId());
      }
      if (image.schemaHash() != binding.schemaHash()) {
        throw new ImageRejectedException(
            RejectionReason.SCHEMA,
            "schema hash "
                + image.schemaHash()
                + ", the firmware is built for "
                + binding.schemaHash());
      }
    }
    return image;
  }

  /** The CRC stored in the last four bytes of an image (not checked). */
  public static long crcOf(byte[] bytes) {
    if (bytes.length < PolicySchema.TRAILER_SIZE) {
      throw new IllegalArgumentException("no CRC in " + bytes.length + " bytes");
    }
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 4)
        & 0xFFFF_FFFFL;
  }

  /** The policy version in an image's header, when the image is long enough to have one. */
  public static OptionalLong versionOf(byte[] bytes) {
    if (bytes == null || bytes.length < PolicySchema.HEADER_SIZE) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12) & 0xFFFF_FFFFL);
  }
}
