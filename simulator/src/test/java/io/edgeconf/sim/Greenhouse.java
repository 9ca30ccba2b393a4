package io.edgeconf.sim;

import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.PayloadCodec;
import io.edgeconf.bridge.schema.PolicySchema;
import java.util.HexFormat;
import java.util.List;

/**
 * The greenhouse policy of docs/config-image.md (shared design), its canonical schema and its two
 * test-vector images, with helpers to make images of that schema.
 */
final class Greenhouse {
  /** The canonical schema as config-image.md prints it. */
  static final String CANONICAL =
      "sample_interval:duration:100:3600000;report_every:u16:1:1000;temp_high_c:i16:-40:125;"
          + "temp_low_c:i16:-40:125;humidity_max:u8:0:100;led:bool;mode:enum(eco,normal,boost);"
          + "label:text(16)";

  static final PolicySchema SCHEMA = PolicySchema.parseCanonical("greenhouse", CANONICAL);

  /** config-image.md: board=esp32, id=gh-esp-01, zone=south. */
  static final String ESP_HEX =
      "4543464701001e00f300f1080700000081af7aed102700000600230005005001010a677265656e686f7573650000000000006ef7f919";

  /** config-image.md: board=nrf52840, id=gh-nrf-07, tag heater, attr room=east-2. */
  static final String NRF_HEX =
      "4543464701001e00f300f1080700000081af7aed102700000c0023000a0050010006656173742d3200000000000000000000b81cd446";

  /**
   * The CRC-32C each image carries (the u32 in its last four bytes, little-endian); acks and health
   * reports write it as those bytes in image order ({@code "6ef7f919"}, see {@code Crc32c.hex}).
   */
  static final long ESP_CRC = ImageCodec.crcOf(esp());

  static final long NRF_CRC = ImageCodec.crcOf(nrf());

  private Greenhouse() {}

  static byte[] esp() {
    return HexFormat.of().parseHex(ESP_HEX);
  }

  static byte[] nrf() {
    return HexFormat.of().parseHex(NRF_HEX);
  }

  /** The firmware built from the greenhouse C header. */
  static FirmwareModule firmware() {
    return FirmwareModule.of(SCHEMA);
  }

  /** A valid greenhouse image with this version and sample interval. */
  static byte[] image(long version, long sampleInterval) {
    byte[] payload =
        PayloadCodec.encode(
            SCHEMA, List.of(sampleInterval, 6L, 35L, 5L, 80L, true, "normal", "greenhouse"));
    return ImageCodec.encode(
        new ConfigImage(SCHEMA.policyId(), version, SCHEMA.schemaHash(), payload));
  }

  /** An image with the greenhouse header but this payload (a correct CRC over wrong content). */
  static byte[] withPayload(long version, byte[] payload) {
    return ImageCodec.encode(
        new ConfigImage(SCHEMA.policyId(), version, SCHEMA.schemaHash(), payload));
  }

  /** An image with another policy id or schema hash. */
  static byte[] foreign(long policyId, long schemaHash) {
    byte[] payload = ImageCodec.decode(esp()).payload();
    return ImageCodec.encode(new ConfigImage(policyId, 7, schemaHash, payload));
  }
}
