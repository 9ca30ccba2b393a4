package io.edgeconf.bridge.transport.internal;

import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.schema.PolicySchema;

/**
 * The version and CRC a pushed image is acknowledged by, read from its header and trailer.
 *
 * @param version the policy version in the header
 * @param crc the CRC-32C in the trailer
 */
public record ImageInfo(long version, long crc) {
  /**
   * @throws IllegalArgumentException when the image is too short to have a header and a CRC
   */
  public static ImageInfo of(byte[] image) {
    if (image == null || image.length < PolicySchema.HEADER_SIZE + PolicySchema.TRAILER_SIZE) {
      throw new IllegalArgumentException(
          "an image has at least "
              + (PolicySchema.HEADER_SIZE + PolicySchema.TRAILER_SIZE)
              + " bytes, this one "
              + (image == null ? "none" : image.length));
    }
    return new ImageInfo(ImageCodec.versionOf(image).orElseThrow(), ImageCodec.crcOf(image));
  }

  public boolean matches(long otherVersion, long otherCrc) {
    return version == otherVersion && crc == otherCrc;
  }

  @Override
  public String toString() {
    return "v" + version + "/" + Crc32c.hex(crc);
  }
}
