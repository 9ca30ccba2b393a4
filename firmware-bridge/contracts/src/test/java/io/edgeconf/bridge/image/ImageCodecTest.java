package io.edgeconf.bridge.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageCodecTest {
  private static final FirmwareBinding GREENHOUSE = FirmwareBinding.of(GreenhouseVectors.SCHEMA);

  @Test
  void crc32cOfTheCheckString() {
    assertEquals(0xE3069283L, Crc32c.of("123456789".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void crcTextIsTheImagesLastFourBytesInOrder() {
    long crc = ImageCodec.crcOf(GreenhouseVectors.ESP);
    assertEquals(0x19f9f76eL, crc);
    assertEquals("6ef7f919", Crc32c.hex(crc));
    assertEquals(crc, Crc32c.parseHex("6ef7f919"));
    assertEquals("b81cd446", Crc32c.hex(ImageCodec.crcOf(GreenhouseVectors.NRF)));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Crc32c.parseHex("6ef7f91"));
  }

  @Test
  void schemaIdsMatchTheVectors() {
    assertEquals(GreenhouseVectors.CANONICAL, GreenhouseVectors.SCHEMA.canonical());
    assertEquals(150012147L, GreenhouseVectors.SCHEMA.policyId());
    assertEquals(3984240513L, GreenhouseVectors.SCHEMA.schemaHash());
    assertEquals(54, GreenhouseVectors.SCHEMA.imageSize());
  }

  @Test
  void encodesTheEsp32VectorByteForByte() {
    byte[] payload =
        PayloadCodec.encode(
            GreenhouseVectors.SCHEMA,
            List.of(10_000L, 6L, 35L, 5L, 80L, true, "normal", "greenhouse"));
    byte[] image = ImageCodec.encode(new ConfigImage(150012147L, 7, 3984240513L, payload));
    assertArrayEquals(GreenhouseVectors.ESP, image);
  }

  @Test
  void encodesTheNrfVectorByteForByte() {
    byte[] payload =
        PayloadCodec.encode(
            GreenhouseVectors.SCHEMA, List.of(10_000L, 12L, 35L, 10L, 80L, true, "eco", "east-2"));
    byte[] image = ImageCodec.encode(new ConfigImage(150012147L, 7, 3984240513L, payload));
    assertArrayEquals(GreenhouseVectors.NRF, image);
  }

  @Test
  void decodesAndVerifiesBothVectors() {
    for (byte[] vector : List.of(GreenhouseVectors.ESP, GreenhouseVectors.NRF)) {
      ConfigImage image = ImageCodec.verify(vector, 1024, GREENHOUSE);
      assertEquals(7, image.version());
      assertArrayEquals(vector, ImageCodec.encode(image));
    }
    Map<String, Object> values =
        PayloadCodec.decode(
            GreenhouseVectors.SCHEMA, ImageCodec.decode(GreenhouseVectors.NRF).payload());
    assertEquals(
        Map.of(
            "sample_interval",
            10_000L,
            "report_every",
            12L,
            "temp_high_c",
            35L,
            "temp_low_c",
            10L,
            "humidity_max",
            80L,
            "led",
            true,
            "mode",
            "eco",
            "label",
            "east-2"),
        values);
  }

  @Test
  void everySingleByteFlipIsDetected() {
    Set<RejectionReason> seen = EnumSet.noneOf(RejectionReason.class);
    for (byte[] vector : List.of(GreenhouseVectors.ESP, GreenhouseVectors.NRF)) {
      for (int i = 0; i < vector.length; i++) {
        for (int bit = 0; bit < 8; bit++) {
          byte[] flipped = vector.clone();
          flipped[i] ^= (byte) (1 << bit);
          var e =
              assertThrows(
                  ImageRejectedException.class,
                  () -> ImageCodec.verify(flipped, 4096, GREENHOUSE),
                  "flip of bit " + bit + " at offset " + i);
          seen.add(e.reason());
        }
      }
    }
    assertEquals(
        EnumSet.of(
            RejectionReason.MAGIC,
            RejectionReason.FORMAT,
            RejectionReason.LENGTH,
            RejectionReason.CRC),
        seen);
  }

  @Test
  void policyAndSchemaMismatchAreRejectedWithTheirReasons() {
    byte[] otherPolicy = ImageCodec.encode(new ConfigImage(1, 7, 3984240513L, new byte[30]));
    assertEquals(
        RejectionReason.POLICY,
        assertThrows(
                ImageRejectedException.class,
                () -> ImageCodec.verify(otherPolicy, 4096, GREENHOUSE))
            .reason());
    byte[] otherSchema = ImageCodec.encode(new ConfigImage(150012147L, 7, 2, new byte[30]));
    assertEquals(
        RejectionReason.SCHEMA,
        assertThrows(
                ImageRejectedException.class,
                () -> ImageCodec.verify(otherSchema, 4096, GREENHOUSE))
            .reason());
  }

  @Test
  void sizeAndTruncationAreRejected() {
    assertEquals(
        RejectionReason.TOO_LARGE,
        assertThrows(
                ImageRejectedException.class,
                () -> ImageCodec.verify(GreenhouseVectors.ESP, 53, GREENHOUSE))
            .reason());
    for (int len = 0; len < GreenhouseVectors.ESP.length; len++) {
      byte[] truncated = java.util.Arrays.copyOf(GreenhouseVectors.ESP, len);
      var e =
          assertThrows(
              ImageRejectedException.class, () -> ImageCodec.verify(truncated, 4096, null));
      assertEquals(len < 4 ? RejectionReason.LENGTH : e.reason(), e.reason());
    }
  }

  @Test
  void outOfRangeFieldsAreRejectedByThePayloadCodec() {
    byte[] payload = ImageCodec.decode(GreenhouseVectors.ESP).payload();
    payload[10] = (byte) 101;
    var e =
        assertThrows(
            ImageRejectedException.class,
            () -> PayloadCodec.decode(GreenhouseVectors.SCHEMA, payload));
    assertEquals(RejectionReason.RANGE, e.reason());
  }
}
