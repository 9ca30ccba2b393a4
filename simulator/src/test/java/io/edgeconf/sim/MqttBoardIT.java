package io.edgeconf.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.message.Hello;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ESP32-family boards against the real Mosquitto on 127.0.0.1:1883. */
class MqttBoardIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String prefix = Ids.prefix("mq");
  private MqttProbe probe;
  private Simulator sim;

  @BeforeEach
  void probe() throws Exception {
    probe = new MqttProbe();
  }

  @AfterEach
  void close() throws Exception {
    if (sim != null) {
      sim.close();
    }
    probe.close();
  }

  private Simulator start(SimulatorOptions.Builder b) throws Exception {
    sim =
        Simulator.start(
            b.broker(MqttProbe.BROKER)
                .idPrefix(prefix)
                .healthInterval(Duration.ofMillis(500))
                .clearRetainedOnClose(true)
                .build());
    for (String id : sim.ids()) {
      probe.subscribe("ec/d/" + id + "/#");
    }
    return sim;
  }

  private String topic(String id, String leaf) {
    return "ec/d/" + id + "/" + leaf;
  }

  private Ack awaitAck(String id, int count) {
    await().atMost(WAIT).until(() -> probe.on(topic(id, "ack")).size() >= count);
    return Ack.parse(probe.on(topic(id, "ack")).get(count - 1).payload());
  }

  private void awaitHealth(String id, long crc, boolean ok) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                probe.on(topic(id, "health")).stream()
                    .map(r -> Health.parse(r.payload()))
                    .anyMatch(h -> h.crc() == crc && h.ok() == ok));
  }

  @Test
  void announcesHelloAndOnlineAndPushesOfEachVectorAreAppliedAndReported() throws Exception {
    start(SimulatorOptions.builder().boards("esp32", 1).boards("esp32c3", 1).policy("greenhouse"));
    for (String id : sim.ids()) {
      await().atMost(WAIT).until(() -> probe.last(topic(id, "online")).isPresent());
      assertEquals("1", probe.last(topic(id, "online")).get().text());
      Hello hello = Hello.parse(probe.last(topic(id, "hello")).get().payload());
      assertEquals(Optional.of("greenhouse"), hello.policy());
      assertEquals(4096, hello.maxImage());
    }
    String id = sim.ids().get(0);
    probe.publish(topic(id, "cfg"), Greenhouse.esp(), true);
    Ack first = awaitAck(id, 1);
    assertTrue(first.applied());
    assertEquals(Greenhouse.ESP_CRC, first.crc());
    assertEquals(7, first.version());
    awaitHealth(id, Greenhouse.ESP_CRC, true);

    probe.publish(topic(id, "cfg"), Greenhouse.nrf(), true);
    Ack second = awaitAck(id, 2);
    assertTrue(second.applied());
    assertEquals(Greenhouse.NRF_CRC, second.crc());
    awaitHealth(id, Greenhouse.NRF_CRC, true);
    BoardSnapshot s = sim.board(id).orElseThrow();
    assertEquals("B", s.activeSlot());
    assertEquals(Greenhouse.NRF_CRC, s.crc());
    assertTrue(s.binding().isPresent(), "bound to its first image");
  }

  @Test
  void decodesFieldValuesWithTheFirmwareSchema() throws Exception {
    start(SimulatorOptions.builder().boards("esp32s3", 1).firmware(Greenhouse.firmware()));
    String id = sim.ids().get(0);
    probe.publish(topic(id, "cfg"), Greenhouse.esp(), false);
    assertTrue(awaitAck(id, 1).applied());
    BoardSnapshot s = sim.board(id).orElseThrow();
    assertEquals(10_000L, s.values().get("sample_interval"));
    assertEquals("greenhouse", s.values().get("label"));
    assertEquals("normal", s.values().get("mode"));
    List<String> none = s.faults();
    assertFalse(none.iterator().hasNext());
  }
}
