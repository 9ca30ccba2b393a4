package io.edgeconf.sim;

import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.RejectionReason;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** One malformed greenhouse image per rejection reason a board's checks can give. */
final class BadImages {
  private BadImages() {}

  /** Images a board bound to the greenhouse firmware refuses, by the reason it gives. */
  static Map<RejectionReason, byte[]> forCapacity(int capacity) {
    Map<RejectionReason, byte[]> out = new LinkedHashMap<>();
    byte[] good = Greenhouse.esp();

    byte[] magic = good.clone();
    magic[0] = 'X';
    out.put(RejectionReason.MAGIC, magic);

    byte[] format = good.clone();
    format[4] = 2;
    out.put(RejectionReason.FORMAT, format);

    out.put(RejectionReason.LENGTH, Arrays.copyOf(good, good.length - 1));

    byte[] crc = good.clone();
    crc[crc.length - 1] ^= 0x01;
    out.put(RejectionReason.CRC, crc);

    out.put(
        RejectionReason.TOO_LARGE,
        ImageCodec.encode(
            new ConfigImage(
                Greenhouse.SCHEMA.policyId(),
                7,
                Greenhouse.SCHEMA.schemaHash(),
                new byte[capacity])));

    out.put(
        RejectionReason.POLICY,
        Greenhouse.foreign(Greenhouse.SCHEMA.policyId() ^ 1, Greenhouse.SCHEMA.schemaHash()));
    out.put(
        RejectionReason.SCHEMA,
        Greenhouse.foreign(Greenhouse.SCHEMA.policyId(), Greenhouse.SCHEMA.schemaHash() ^ 1));

    byte[] payload = ImageCodec.decode(good).payload();
    payload[Greenhouse.SCHEMA.offsetOf(4)] = 101; // humidity_max is 0..100
    out.put(RejectionReason.RANGE, Greenhouse.withPayload(8, payload));
    return out;
  }
}
