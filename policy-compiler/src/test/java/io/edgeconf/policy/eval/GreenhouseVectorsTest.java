package io.edgeconf.policy.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.descriptor.DeviceSpec;
import io.edgeconf.policy.Policies;
import io.edgeconf.policy.model.CheckedPolicy;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The evaluator reproduces the test vectors of config-image.md from the greenhouse policy. */
class GreenhouseVectorsTest {
  private static final String CANONICAL =
      "sample_interval:duration:100:3600000;report_every:u16:1:1000;temp_high_c:i16:-40:125;"
          + "temp_low_c:i16:-40:125;humidity_max:u8:0:100;led:bool;mode:enum(eco,normal,boost);"
          + "label:text(16)";

  private static final String ESP =
      "4543464701001e00f300f1080700000081af7aed102700000600230005005001010a677265656e686f7573650000000000006ef7f919";
  private static final String NRF =
      "4543464701001e00f300f1080700000081af7aed102700000c0023000a0050010006656173742d3200000000000000000000b81cd446";

  private final CheckedPolicy policy = Policies.greenhouse();

  @Test
  void canonicalSchemaMatchesTheContract() {
    assertEquals(CANONICAL, policy.schema().canonical());
    assertEquals(54, policy.schema().imageSize());
  }

  @Test
  void espDeviceGetsTheFirstVector() {
    DeviceAttributes d = DeviceSpec.parse("board=esp32,id=gh-esp-01,zone=south");
    assertImage(ESP, Evaluator.render(policy, d));
  }

  @Test
  void nrfHeaterDeviceGetsTheSecondVector() {
    DeviceAttributes d =
        DeviceSpec.parse("board=nrf52840,id=gh-nrf-07,tag=heater,attr.room=east-2");
    assertImage(NRF, Evaluator.render(policy, d));
  }

  private static void assertImage(String hex, RenderResult r) {
    RenderResult.Image img = assertInstanceOf(RenderResult.Image.class, r, r.toString());
    assertArrayEquals(HexFormat.of().parseHex(hex), img.bytes());
  }
}
