package io.edgeconf.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault kind an MQTT board can show, seen on the real broker. */
class MqttFaultsIT {
  private static final byte[] V7 = Greenhouse.esp();
  private static final long V7_CRC = Greenhouse.ESP_CRC;
  private static final byte[] V8 = Greenhouse.image(8, 20_000);
  private static final long V8_CRC = ImageCodec.crcOf(V8);

  private final String prefix = Ids.prefix("mf");
  private MqttFixture f;

  @BeforeEach
  void start() throws Exception {
    f =
        new MqttFixture(
            SimulatorOptions.builder()
                .boards("esp32", 6)
                .idPrefix(prefix)
                .firmware(Greenhouse.firmware())
                .faults("reject=busy@" + id(1) + ",no-ack@" + id(2) + ",flash-fail@" + id(3)));
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private String id(int n) {
    return prefix + "-esp32-00" + n;
  }

  /** Pushes v7 and waits until it runs, so that a later failure has a slot to go back to. */
  private void runV7(String id) throws Exception {
    int before = f.acks(id).size();
    f.push(id, V7);
    assertTrue(f.awaitAck(id, before + 1).applied());
  }

  @Test
  void rejectAnswersTheGivenReasonAndFlashFailAnswersFlash() throws Exception {
    f.push(id(1), V7);
    Ack busy = f.awaitAck(id(1), 1);
    assertEquals(java.util.Optional.of("busy"), busy.reason());
    f.push(id(3), V7);
    Ack flash = f.awaitAck(id(3), 1);
    assertFalse(flash.applied());
    assertEquals(java.util.Optional.of("flash"), flash.reason());
    assertEquals(V7_CRC, flash.crc());
    assertEquals(0, f.sim.board(id(3)).orElseThrow().version());
  }

  @Test
  void noAckNeverAnswersButKeepsReporting() throws Exception {
    f.push(id(2), V7);
    f.awaitEvent(id(2), SimEvent.Kind.IGNORED);
    int seen = f.health(id(2)).size();
    // A report sent after the push was handled; an ack would have been published before it.
    await().atMost(MqttFixture.WAIT).until(() -> f.health(id(2)).size() > seen);
    assertTrue(f.acks(id(2)).isEmpty());
    assertEquals(0, f.health(id(2)).get(f.health(id(2)).size() - 1).version());
  }

  @Test
  void crashAfterApplyAcksThenRebootsIntoThePreviousSlot() throws Exception {
    String id = id(4);
    runV7(id);
    f.probe.publish("ec/sim/" + id + "/fault", "{\"set\":\"crash-after-apply=1s\"}");
    await().atMost(MqttFixture.WAIT).until(() -> !f.sim.board(id).orElseThrow().faults().isEmpty());
    long boot = f.sim.board(id).orElseThrow().boot();
    f.push(id, V8);
    Ack ack = f.awaitAck(id, 2);
    assertTrue(ack.applied());
    assertEquals(V8_CRC, ack.crc());
    f.awaitHealth(id, h -> h.crc() == V8_CRC);
    // The crash: the will says 0, the board comes back on its previous slot with a new boot.
    Health after = f.awaitHealth(id, h -> h.crc() == V7_CRC && h.boot() == boot + 1);
    assertEquals(7, after.version());
    assertTrue(f.online(id).contains("0"));
    assertEquals("1", f.online(id).get(f.online(id).size() - 1));
    assertTrue(f.sawEvent(id, SimEvent.Kind.REVERTED));
    // The replayed retained cfg (the image that crashed) is not applied again.
    assertEquals(2, f.acks(id).size());
    assertEquals(V7_CRC, f.sim.board(id).orElseThrow().crc());
  }

  @Test
  void unhealthyAcksReportsNotOkThenRevertsToThePreviousSlot() throws Exception {
    String id = id(5);
    runV7(id);
    f.sim.setFault(id, "unhealthy=1s");
    f.push(id, V8);
    assertTrue(f.awaitAck(id, 2).applied());
    f.awaitHealth(id, h -> h.crc() == V8_CRC && !h.ok());
    int seen = f.health(id).size();
    await()
        .atMost(MqttFixture.WAIT)
        .until(
            () ->
                f.health(id).stream()
                    .skip(seen)
                    .anyMatch(h -> h.crc() == V7_CRC && h.ok() && h.version() == 7));
    assertEquals("A", f.sim.board(id).orElseThrow().activeSlot());
  }

  @Test
  void slowAnswersOnlyAfterItsDelay() throws Exception {
    String id = id(6);
    f.sim.setFault(id, "slow=1500ms");
    long t0 = System.nanoTime();
    f.push(id, V7);
    assertTrue(f.awaitAck(id, 1).applied());
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(elapsedMs >= 1500, "answered after " + elapsedMs + " ms");
  }

  @Test
  void powerCutLeavesATornSlotAndTheBoardRunsTheOldOne() throws Exception {
    String id = id(5);
    runV7(id);
    long boot = f.sim.board(id).orElseThrow().boot();
    f.sim.setFault(id, "power-cut");
    f.push(id, V8);
    f.awaitEvent(id, SimEvent.Kind.POWER_CUT);
    Health after = f.awaitHealth(id, h -> h.boot() == boot + 1);
    assertEquals(V7_CRC, after.crc());
    assertEquals("A", after.slot());
    assertTrue(f.online(id).contains("0"), "the will announced the power loss");
    assertEquals(1, f.acks(id).size(), "no ack for the image that was cut");
    await()
        .atMost(MqttFixture.WAIT)
        .until(
            () ->
                f.events.stream()
                    .anyMatch(
                        e ->
                            e.deviceId().equals(id)
                                && e.kind() == SimEvent.Kind.BOOTED
                                && e.detail().equals("torn slot B")));
  }

  @Test
  void offlineDropsThePushGoesAwayAndAppliesTheRetainedCfgOnReturn() throws Exception {
    String id = id(4);
    f.sim.setFault(id, "offline=1s");
    f.push(id, V7);
    await().atMost(MqttFixture.WAIT).until(() -> f.online(id).contains("0"));
    Ack ack = f.awaitAck(id, 1);
    assertTrue(ack.applied());
    assertEquals("1", f.online(id).get(f.online(id).size() - 1));
    assertTrue(f.sim.board(id).orElseThrow().faults().isEmpty(), "offline is one-shot");
  }

  @Test
  void malformedControlMessagesAreIgnoredAndTheBoardKeepsRunning() throws Exception {
    String id = id(6);
    for (String bad : List.of("not json", "{\"set\":\"explode\"}", "{\"boom\":1}", "")) {
      f.probe.publish("ec/sim/" + id + "/fault", bad);
    }
    await().atMost(MqttFixture.WAIT).until(() -> f.sim.malformedControlMessages() >= 4);
    f.push(id, V7);
    assertTrue(f.awaitAck(id, 1).applied());
    f.probe.publish("ec/sim/" + id + "/fault", "{\"set\":\"reject=crc\"}");
    await().atMost(MqttFixture.WAIT).until(() -> !f.sim.board(id).orElseThrow().faults().isEmpty());
    f.push(id, V8);
    assertEquals(java.util.Optional.of("crc"), f.awaitAck(id, 2).reason());
    f.probe.publish("ec/sim/" + id + "/fault", "{\"clear\":true}");
    await().atMost(MqttFixture.WAIT).until(() -> f.sim.board(id).orElseThrow().faults().isEmpty());
  }

  @Test
  void powerOffPublishesTheWillAndPowerOnBootsAgain() throws Exception {
    String id = id(6);
    await().atMost(MqttFixture.WAIT).until(() -> f.online(id).contains("1"));
    long boot = f.sim.board(id).orElseThrow().boot();
    f.sim.powerOff(id);
    await().atMost(MqttFixture.WAIT).until(() -> f.online(id).contains("0"));
    f.sim.powerOn(id);
    f.awaitHealth(id, h -> h.boot() == boot + 1);
    assertEquals("1", f.online(id).get(f.online(id).size() - 1));
  }
}
