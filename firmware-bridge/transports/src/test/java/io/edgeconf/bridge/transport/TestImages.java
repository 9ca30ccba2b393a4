package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.schema.PolicySchema;

/** Config images of chosen sizes for tests. */
public final class TestImages {
  private TestImages() {}

  /** A valid image of exactly {@code totalBytes} bytes (at least 24) with this version. */
  public static byte[] image(long version, int totalBytes) {
    int payload = totalBytes - PolicySchema.HEADER_SIZE - PolicySchema.TRAILER_SIZE;
    byte[] p = new byte[payload];
    for (int i = 0; i < payload; i++) {
      p[i] = (byte) (i * 7 + version);
    }
    return ImageCodec.encode(
        new ConfigImage(PolicySchema.policyId("greenhouse"), version, 0x1234_5678L, p));
  }
}
