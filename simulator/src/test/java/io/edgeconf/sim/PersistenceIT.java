package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.image.FirmwareBinding;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.message.Health;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a state directory, slots, boot counter and binding survive a simulator restart. */
class PersistenceIT {
  @TempDir Path state;

  @Test
  void flashSurvivesARestartAndATornSlotIsDetected() throws Exception {
    String prefix = Ids.prefix("ps");
    String esp = prefix + "-esp32-001";
    String nrf = prefix + "-nrf52840-001";
    byte[] v8 = Greenhouse.image(8, 20_000);
    SimulatorOptions.Builder options =
        SimulatorOptions.builder()
            .boards("esp32", 1)
            .boards("nrf52840", 1)
            .idPrefix(prefix)
            .stateDir(state);
    try (MqttFixture f = new MqttFixture(options);
        CoapProbe coap = new CoapProbe()) {
      f.push(esp, Greenhouse.esp());
      f.awaitAck(esp, 1);
      f.push(esp, v8);
      f.awaitAck(esp, 2);
      InetSocketAddress board = f.sim.coapAddress(nrf).orElseThrow();
      assertEquals(ResponseCode.CHANGED, coap.push(board, Greenhouse.nrf()).getCode());
      f.sim.setFault(nrf, "power-cut");
      coap.client(board, "cfg").setTimeout(2000L).put(v8, 42);
      f.awaitEvent(nrf, SimEvent.Kind.POWER_CUT);
    }
    assertTrue(Files.exists(state.resolve(esp).resolve("meta.json")));

    try (MqttFixture f = new MqttFixture(options)) {
      BoardSnapshot e = f.sim.board(esp).orElseThrow();
      assertEquals("B", e.activeSlot());
      assertEquals(ImageCodec.crcOf(v8), e.crc());
      assertEquals(2, e.boot());
      assertEquals(Optional.of(FirmwareBinding.of(Greenhouse.SCHEMA)), e.binding());
      Health h = f.awaitHealth(esp, x -> x.crc() == ImageCodec.crcOf(v8));
      assertEquals("B", h.slot());
      // The retained cfg (v8) is replayed on subscribe; the board runs it already: no new ack.
      assertTrue(f.acks(esp).isEmpty());

      BoardSnapshot n = f.sim.board(nrf).orElseThrow();
      assertEquals(Greenhouse.NRF_CRC, n.crc(), "the old slot survived the torn write");
      assertEquals("A", n.activeSlot());
      assertTrue(
          f.events.stream()
              .anyMatch(
                  ev ->
                      ev.deviceId().equals(nrf)
                          && ev.kind() == SimEvent.Kind.BOOTED
                          && ev.detail().equals("torn slot B")));
    }
  }
}
