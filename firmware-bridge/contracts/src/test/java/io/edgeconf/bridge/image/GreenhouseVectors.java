package io.edgeconf.bridge.image;

import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.bridge.schema.PolicySchema;
import java.util.HexFormat;
import java.util.List;

/** The test vectors of docs/config-image.md (the greenhouse policy, version 7). */
final class GreenhouseVectors {
  static final PolicySchema SCHEMA =
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

  static final String CANONICAL =
      "sample_interval:duration:100:3600000;report_every:u16:1:1000;temp_high_c:i16:-40:125;"
          + "temp_low_c:i16:-40:125;humidity_max:u8:0:100;led:bool;mode:enum(eco,normal,boost);"
          + "label:text(16)";

  /** board=esp32, id=gh-esp-01, zone=south. */
  static final byte[] ESP =
      HexFormat.of()
          .parseHex(
              "4543464701001e00f300f1080700000081af7aed102700000600230005005001010a677265656e686f7573650000000000006ef7f919");

  /** board=nrf52840, id=gh-nrf-07, tag heater, attr room=east-2. */
  static final byte[] NRF =
      HexFormat.of()
          .parseHex(
              "4543464701001e00f300f1080700000081af7aed102700000c0023000a0050010006656173742d3200000000000000000000b81cd446");

  private GreenhouseVectors() {}
}
