package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.sim.internal.Fleet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PSK files, tag fractions, the fleet layout and reading a module's metadata. */
class InputsTest {
  @Test
  void readsPskFiles() {
    Map<String, byte[]> keys =
        PskFile.parse("f", List.of("# comment", "", " sim-nrf-1 : 0a0B ", "x:00"));
    assertArrayEquals(new byte[] {0x0a, 0x0b}, keys.get("sim-nrf-1"));
    assertEquals(2, keys.size());
    for (List<String> bad :
        List.of(
            List.of("nokey"),
            List.of("a:xyz"),
            List.of("a:0"),
            List.of("a:00", "a:01"),
            List.of("b c:00"))) {
      assertThrows(PskFileException.class, () -> PskFile.parse("f", bad));
    }
  }

  @Test
  void spreadsZonesAndTags() {
    SimulatorOptions o =
        SimulatorOptions.builder()
            .broker("tcp://x:1")
            .boards("esp32", 4)
            .boards("nrf52840", 4)
            .zones(List.of("north", "south"))
            .tags(TagFractions.parse("heater:0.5,vent:25%"))
            .build();
    List<DeviceAttributes> fleet = Fleet.of(o);
    assertEquals(8, fleet.size());
    assertEquals("sim-esp32-001", fleet.get(0).id());
    assertEquals("sim-nrf52840-004", fleet.get(7).id());
    assertEquals(4, fleet.stream().filter(d -> d.zone().equals("north")).count());
    assertEquals(4, fleet.stream().filter(d -> d.tags().contains("heater")).count());
    assertEquals(2, fleet.stream().filter(d -> d.tags().contains("vent")).count());
    assertThrows(IllegalArgumentException.class, () -> TagFractions.parse("heater:2"));
  }

  @Test
  void readsTheBindingAndSchemaFromEdgeconfMeta() throws Exception {
    String meta =
        "{\"abi\":1,\"policy\":\"greenhouse\",\"version\":7,\"policy_id\":"
            + Greenhouse.SCHEMA.policyId()
            + ",\"schema_hash\":"
            + Greenhouse.SCHEMA.schemaHash()
            + ",\"schema\":\""
            + Greenhouse.CANONICAL
            + "\"}";
    FirmwareModule m = FirmwareModule.fromWasm(wasmWithCustomSection("edgeconf.meta", meta));
    assertEquals(FirmwareBinding.of(Greenhouse.SCHEMA), m.binding());
    assertEquals(Greenhouse.SCHEMA, m.schema().orElseThrow());

    String noSchema = "{\"policy\":\"p\",\"policy_id\":1,\"schema_hash\":2}";
    FirmwareModule bare = FirmwareModule.fromWasm(wasmWithCustomSection("edgeconf.meta", noSchema));
    assertEquals(new FirmwareBinding(1, 2), bare.binding());
    assertTrue(bare.schema().isEmpty());

    assertThrows(
        FirmwareModuleException.class,
        () -> FirmwareModule.fromWasm(wasmWithCustomSection("other", noSchema)));
    assertThrows(FirmwareModuleException.class, () -> FirmwareModule.fromWasm(new byte[] {1, 2}));
  }

  @Test
  void buildsTheSchemaFromMetaFieldsWhenThereIsNoSchemaString() {
    String meta =
        "{\"policy\":\"greenhouse\",\"policy_id\":"
            + Greenhouse.SCHEMA.policyId()
            + ",\"schema_hash\":"
            + Greenhouse.SCHEMA.schemaHash()
            + ",\"fields\":["
            + "{\"name\":\"sample_interval\",\"type\":\"duration\",\"min\":100,\"max\":3600000},"
            + "{\"name\":\"report_every\",\"type\":\"u16\",\"min\":1,\"max\":1000},"
            + "{\"name\":\"temp_high_c\",\"type\":\"i16\",\"min\":-40,\"max\":125},"
            + "{\"name\":\"temp_low_c\",\"type\":\"i16\",\"min\":-40,\"max\":125},"
            + "{\"name\":\"humidity_max\",\"type\":\"u8\",\"min\":0,\"max\":100},"
            + "{\"name\":\"led\",\"type\":\"bool\"},"
            + "{\"name\":\"mode\",\"type\":\"enum\",\"members\":[\"eco\",\"normal\",\"boost\"]},"
            + "{\"name\":\"label\",\"type\":\"text\",\"length\":16}]}";
    FirmwareModule m = FirmwareModule.fromMeta(meta.getBytes(StandardCharsets.UTF_8));
    assertEquals(Greenhouse.SCHEMA, m.schema().orElseThrow());
  }

  /** A minimal WebAssembly binary: the header, an empty type section and one custom section. */
  static byte[] wasmWithCustomSection(String name, String content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
    out.writeBytes(new byte[] {0x01, 0x01, 0x00}); // type section, 0 types
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] c = content.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    leb(body, n.length);
    body.writeBytes(n);
    body.writeBytes(c);
    out.write(0);
    leb(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void leb(ByteArrayOutputStream out, int value) {
    do {
      int b = value & 0x7F;
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
  }
}
