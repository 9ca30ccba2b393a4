package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.sim.internal.Fleet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PSK files, tag fractions, the fleet layout and reading a module's metadata. */
class InputsTest {
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
        new String(
            new ModuleMetadata(
                    1,
                    "greenhouse",
                    7,
                    Greenhouse.SCHEMA.policyId(),
                    Greenhouse.SCHEMA.schemaHash(),
                    Greenhouse.CANONICAL,
                    List.of("esp32", "nrf52840"),
                    Greenhouse.SCHEMA.imageSize(),
                    List.of(),
                    List.of(),
                    new ModuleMetadata.Rollout(10, 5, 15_000, 0),
                    List.of(),
                    "test",
                    "")
                .toJson(),
            StandardCharsets.UTF_8);
    FirmwareModule m = FirmwareModule.fromWasm(wasmWithCustomSection("edgeconf.meta", meta));
    assertEquals(FirmwareBinding.of(Greenhouse.SCHEMA), m.binding());
    assertEquals(Greenhouse.SCHEMA, m.schema().orElseThrow());

    String inconsistent = meta.replace("\"version\":7", "\"version\":\"7\"");
    assertThrows(
        FirmwareModuleException.class,
        () -> FirmwareModule.fromWasm(wasmWithCustomSection("edgeconf.meta", inconsistent)));
    assertThrows(
        FirmwareModuleException.class,
        () -> FirmwareModule.fromWasm(wasmWithCustomSection("other", meta)));
    assertThrows(FirmwareModuleException.class, () -> FirmwareModule.fromWasm(new byte[] {1, 2}));
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
