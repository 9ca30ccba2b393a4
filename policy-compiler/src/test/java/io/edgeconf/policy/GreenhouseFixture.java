package io.edgeconf.policy;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.bridge.schema.PolicySchema;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The greenhouse policy's schema and the test vectors of docs/config-image.md. */
public final class GreenhouseFixture {
  public static final PolicySchema SCHEMA =
      new PolicySchema(
          "greenhouse",
          List.of(
              FieldSpec.ranged("sample_interval", FieldType.DURATION, 100, 3_600_000),
              FieldSpec.ranged("report_every", FieldType.U16, 1, 1000),
              FieldSpec.ranged("temp_high_c", FieldType.I16, -40, 125),
              FieldSpec.ranged("temp_low_c", FieldType.I16, -40, 125),
              FieldSpec.ranged("humidity_max", FieldType.U8, 0, 100),
              FieldSpec.bool("led"),
              FieldSpec.enumeration("mode", List.of("eco", "normal", "boost")),
              FieldSpec.text("label", 16)));

  public static final List<String> DOCS =
      List.of(
          "How often the sensor is sampled.",
          "Send one report every N samples.",
          "Alarm above this temperature.",
          "Alarm below this temperature.",
          "",
          "",
          "",
          "Shown on the board's display.");

  /** board=esp32, id=gh-esp-01, zone=south. */
  public static final DeviceAttributes ESP_DEVICE =
      DeviceAttributes.of("esp32", "gh-esp-01").withZone("south");

  /** board=nrf52840, id=gh-nrf-07, tag heater, attr room=east-2. */
  public static final DeviceAttributes NRF_DEVICE =
      DeviceAttributes.of("nrf52840", "gh-nrf-07")
          .withTags(List.of("heater"))
          .withAttrs(Map.of("room", "east-2"));

  /** The image of {@link #ESP_DEVICE}. */
  public static byte[] espImage() {
    return HexFormat.of()
        .parseHex(
            "4543464701001e00f300f1080700000081af7aed102700000600230005005001010a677265656e686f7573650000000000006ef7f919");
  }

  /** The image of {@link #NRF_DEVICE}. */
  public static byte[] nrfImage() {
    return HexFormat.of()
        .parseHex(
            "4543464701001e00f300f1080700000081af7aed102700000c0023000a0050010006656173742d3200000000000000000000b81cd446");
  }

  private GreenhouseFixture() {}
}
