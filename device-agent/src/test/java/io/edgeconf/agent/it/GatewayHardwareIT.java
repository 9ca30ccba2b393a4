package io.edgeconf.agent.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.ConfigKeys;
import io.edgeconf.agent.testing.LineRecorder;
import io.edgeconf.agent.testing.LogCapture;
import io.edgeconf.agent.testing.MqttRequester;
import io.edgeconf.agent.testing.PrivateBroker;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.hardware.MockLines;
import io.edgeconf.hardware.StatusPattern;
import io.edgeconf.sim.BoardSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's own hardware driven by a real agent (Pi4J's mock provider, lines from a wiring file
 * given through {@code wiring-file}) with simulated boards on a private Mosquitto: the button's
 * long press rolls the greenhouse policy back, a reset line is pulsed for a wired board stuck on
 * its previous image (and by {@code reboot-device}), and the status LED follows the agent.
 */
class GatewayHardwareIT {
  /** Long enough that a short press made of two consecutive calls never reaches it. */
  static final Duration LONG_PRESS = Duration.ofSeconds(2);

  @TempDir Path dir;

  @Test
  void longPressRollsBackToTheLastKnownGoodAndAShortPressDoesNothing() throws Exception {
    String wiring =
        "led.status.pin = 17\nbutton.pin = 27\nbutton.long_press = "
            + LONG_PRESS.toMillis()
            + "ms\n";
    try (var rig = startWired(2, 1, r -> wiring)) {
      deployAndAwait(rig, 7, RolloutRig.LENIENT);
      deployAndAwait(rig, 8, RolloutRig.LENIENT);
      rig.awaitBoardsOnDesired();
      MockLines lines = MockLines.of(rig.agent.hardware()).orElseThrow();
      MockDigitalInput button = lines.button();
      // The mock input starts LOW without an event; for this active-low button that is "pressed".
      button.mockState(DigitalState.HIGH);

      button.mockState(DigitalState.LOW);
      button.mockState(DigitalState.HIGH);
      // Had the short press armed the long-press timer, it would have fired by now. (A slower
      // machine can only make this check weaker, never fail it wrongly.)
      await()
          .pollDelay(LONG_PRESS.multipliedBy(2))
          .atMost(LONG_PRESS.multipliedBy(3))
          .until(() -> true);
      assertEquals(List.of(), events(rig, "rollback_started"), "a short press asks for nothing");
      assertEquals(8, rig.activeVersion());

      button.mockState(DigitalState.LOW); // held until the agent starts the rollback
      await().atMost(RolloutRig.LONG).until(() -> !events(rig, "rollback_started").isEmpty());
      button.mockState(DigitalState.HIGH);
      JsonNode started = events(rig, "rollback_started").get(0);
      assertEquals("rollback", started.path("kind").asText(), started.toString());
      assertEquals(7, started.path("version").asInt(), started.toString());
      String rb = started.path("rollout").asText();
      JsonNode done = rig.awaitEvent(rb, "rollback_completed");
      assertEquals("succeeded", done.path("outcome").asText(), done.toString());

      for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
        assertEquals(7, d.path("desired").path("version").asInt(), d.toString());
      }
      for (BoardSnapshot b : rig.sim.boards()) {
        assertEquals(7, b.version(), b.id());
      }
      await()
          .atMost(RolloutRig.LONG)
          .until(() -> rig.command("status", "{}").path("state").asText().equals("idle"));
      assertEquals(7, rig.activeVersion());
      assertEquals(1, events(rig, "rollback_started").size(), "one long press, one rollback");
      await()
          .atMost(RolloutRig.LONG)
          .until(() -> rig.agent.hardware().shown() == StatusPattern.FAST_BLINK);
    }
  }

  @Test
  void aWiredBoardStuckOnItsPreviousImageIsResetOnceAndOnlyIt() throws Exception {
    // esp32-002 and esp32-003 fail the new image and stay unhealthy on the previous one; only
    // esp32-002 has a reset line (so does the healthy nrf52840-001).
    try (var logs = new LogCapture();
        var rig =
            startWired(
                3,
                1,
                r ->
                    "led.status.pin = 17\n"
                        + "reset."
                        + r.id("esp32", 2)
                        + ".pin = 22\n"
                        + "reset."
                        + r.id("esp32", 2)
                        + ".pulse = 250ms\n"
                        + "reset."
                        + r.id("nrf52840", 1)
                        + ".pin = 23\n",
                // Recovery ends the wait after the pulse; 60 s leaves the reset board time to boot.
                b -> b.resetWait(Duration.ofSeconds(60)))) {
      String wired = rig.id("esp32", 2);
      String unwired = rig.id("esp32", 3);
      var hardware = rig.agent.hardware();
      assertTrue(hardware.hasResetLine(wired));
      assertFalse(hardware.hasResetLine(unwired));
      MockLines lines = MockLines.of(hardware).orElseThrow();
      LineRecorder wiredLine = LineRecorder.on(lines.resetLine(wired));
      LineRecorder healthyLine = LineRecorder.on(lines.resetLine(rig.id("nrf52840", 1)));
      // The board is held in reset while its line is active (low) and boots when it is released.
      wiredLine.onChange(
          s -> {
            if (s == DigitalState.LOW) {
              rig.sim.powerOff(wired);
            } else {
              rig.sim.clearFaults(wired);
              rig.sim.powerOn(wired);
            }
          });

      deployAndAwait(rig, 7, RolloutRig.LENIENT);
      rig.awaitBoardsOnDesired();
      long bootsBefore = rig.sim.board(wired).orElseThrow().boot();
      long unwiredBootsBefore = rig.sim.board(unwired).orElseThrow().boot();
      rig.sim.setFault(wired, "unhealthy=10m");
      rig.sim.setFault(unwired, "unhealthy=10m");

      String r8 = rig.deploy(8, RolloutRig.LENIENT).path("rollout").asText();
      JsonNode done = rig.awaitEvent(r8, "rollout_completed");
      assertEquals("succeeded", done.path("outcome").asText(), done.toString());
      assertEquals(2, done.path("failed").asInt(), done.toString());
      for (String id : List.of(wired, unwired)) {
        JsonNode failed = deviceEvent(rig, r8, "device_failed", id);
        assertNotNull(failed, id);
        assertEquals("unhealthy", failed.path("cause").asText(), failed.toString());
      }

      assertEquals(
          List.of(DigitalState.LOW, DigitalState.HIGH),
          wiredLine.states(),
          "pulsed once: active (low), then released");
      assertEquals(List.of(), healthyLine.states(), "a wired board that recovered is not reset");
      List<String> pulses =
          logs.lines().stream().filter(l -> l.contains("pulsing its reset line")).toList();
      assertEquals(1, pulses.size(), pulses.toString());
      assertTrue(pulses.get(0).contains(wired), pulses.get(0));
      assertEquals(
          1,
          logs.lines().stream().filter(l -> l.contains("pulsing the reset line of")).count(),
          "the hardware pulsed one line");

      var devices = rig.awaitBoardsOnDesired();
      for (String id : List.of(wired, unwired)) {
        assertEquals(7, devices.get(id).path("desired").path("version").asInt(), id);
        assertEquals(7, rig.running(id), id);
      }
      BoardSnapshot reset = rig.sim.board(wired).orElseThrow();
      assertTrue(reset.healthy(), "the reset brought it back healthy: " + reset);
      assertTrue(reset.boot() > bootsBefore, reset.toString());
      BoardSnapshot stuck = rig.sim.board(unwired).orElseThrow();
      assertFalse(stuck.healthy(), "without a reset line it stays stuck: " + stuck);
      assertEquals(unwiredBootsBefore, stuck.boot(), "never reset");
    }
  }

  @Test
  void rebootDevicePulsesAWiredLineAndRefusesAnUnwiredMqttBoard() throws Exception {
    try (var rig =
        startWired(
            2,
            1,
            r ->
                "reset."
                    + r.id("esp32", 1)
                    + ".pin = 5\nreset."
                    + r.id("esp32", 1)
                    + ".active = high\n")) {
      String wired = rig.id("esp32", 1);
      DigitalOutput line = MockLines.of(rig.agent.hardware()).orElseThrow().resetLine(wired);
      LineRecorder recorder = LineRecorder.on(line);
      recorder.onChange(
          s -> {
            if (s == DigitalState.HIGH) {
              rig.sim.powerOff(wired);
            } else {
              rig.sim.powerOn(wired);
            }
          });
      long boots = rig.sim.board(wired).orElseThrow().boot();

      JsonNode a = rig.command("reboot-device", "{\"id\":\"" + wired + "\"}");
      assertTrue(a.path("ok").asBoolean(), a.toString());
      assertEquals("reset_line", a.path("via").asText(), a.toString());
      assertEquals(
          List.of(DigitalState.HIGH, DigitalState.LOW),
          recorder.states(),
          "active-high line driven high, then released, before the answer");
      await()
          .atMost(RolloutRig.LONG)
          .until(() -> rig.sim.board(wired).orElseThrow().boot() > boots);

      String unwired = rig.id("esp32", 2);
      JsonNode refused = rig.command("reboot-device", "{\"id\":\"" + unwired + "\"}");
      assertFalse(refused.path("ok").asBoolean(true), refused.toString());
      assertEquals("internal", refused.path("error").path("code").asText(), refused.toString());
      String message = refused.path("error").path("message").asText();
      assertTrue(message.contains(unwired) && message.contains("unsupported"), message);
      assertTrue(message.contains("reset line"), message);
      assertEquals(2, recorder.states().size(), "no other line was touched for it");
    }
  }

  @Test
  void statusLedIsSteadyWhenIdleBlinksSlowlyDuringARolloutAndFastAfterARollback() throws Exception {
    // Two LEDs show the same pattern; the panel's lights at LOW.
    String wiring = "led.status.pin = 17\nled.panel.pin = 18\nled.panel.active = low\n";
    try (var rig = startWired(1, 1, r -> wiring)) {
      var hardware = rig.agent.hardware();
      MockLines lines = MockLines.of(hardware).orElseThrow();
      DigitalOutput status = lines.led("status");
      DigitalOutput panel = lines.led("panel");
      await().atMost(RolloutRig.LONG).until(() -> hardware.shown() == StatusPattern.STEADY);
      assertEquals(DigitalState.HIGH, status.state(), "steady: lit");
      assertEquals(DigitalState.LOW, panel.state(), "active-low LED lit");
      LineRecorder led = LineRecorder.on(status, hardware::shown);

      // A 4 s health window: the first toggles (1 s, 2 s) are due on the agent's scheduler before
      // any board can settle, so the rollout cannot end before the LED has blinked.
      String block = "  canary 50%\n  max_failures 100%\n  health_window 4s";
      String r7 = rig.deploy(7, block).path("rollout").asText();
      await().atMost(RolloutRig.LONG).until(() -> led.toggles(StatusPattern.SLOW_BLINK) >= 2);
      assertEquals("succeeded", rig.awaitEvent(r7, "rollout_completed").path("outcome").asText());
      await()
          .atMost(RolloutRig.LONG)
          .until(
              () ->
                  hardware.shown() == StatusPattern.STEADY
                      && status.state() == DigitalState.HIGH
                      && panel.state() == DigitalState.LOW);
      assertEquals(0, led.toggles(StatusPattern.FAST_BLINK));

      deployAndAwait(rig, 8, RolloutRig.LENIENT);
      JsonNode a = rig.command("rollback", "{\"policy\":\"greenhouse\"}");
      assertTrue(a.path("ok").asBoolean(), a.toString());
      rig.awaitEvent(a.path("rollout").asText(), "rollback_completed");
      await()
          .atMost(RolloutRig.LONG)
          .until(() -> rig.command("status", "{}").path("state").asText().equals("idle"));
      int before = led.toggles(StatusPattern.FAST_BLINK);
      await()
          .atMost(RolloutRig.LONG)
          .until(() -> led.toggles(StatusPattern.FAST_BLINK) >= before + 2);
      assertEquals(StatusPattern.FAST_BLINK, hardware.shown(), "idle after a rollback");

      rig.agent.close();
      assertEquals(StatusPattern.OFF, hardware.shown());
      assertEquals(DigitalState.LOW, status.state(), "off when the agent is stopped");
      assertEquals(DigitalState.HIGH, panel.state(), "active-low LED off");
    }
  }

  /**
   * A rig as {@link RolloutRig#start} makes it, whose agent reads a wiring file (written from the
   * prepared rig, which knows the board ids) through the {@code wiring-file} config key.
   */
  private RolloutRig startWired(
      int esp32,
      int nrf,
      Function<RolloutRig, String> wiring,
      UnaryOperator<AgentConfig.Builder> tweak)
      throws Exception {
    var broker = PrivateBroker.start(dir.resolve("broker"));
    RolloutRig rig;
    try {
      rig = RolloutRig.prepare(dir, broker.url());
    } catch (Exception e) {
      broker.close();
      throw e;
    }
    rig.privateBroker = broker;
    try {
      Path file = Files.writeString(dir.resolve("wiring.properties"), wiring.apply(rig));
      rig.startAgent(
          b -> {
            ConfigKeys.set(tweak.apply(b), "wiring-file", file.toString());
            return b;
          });
      rig.startSimulator(esp32, nrf, "");
      rig.client = new MqttRequester(broker.url(), rig.gateway);
      rig.awaitDevices(esp32 + nrf);
      return rig;
    } catch (Exception | Error e) {
      rig.close();
      throw e;
    }
  }

  private RolloutRig startWired(int esp32, int nrf, Function<RolloutRig, String> wiring)
      throws Exception {
    return startWired(esp32, nrf, wiring, b -> b);
  }

  private static void deployAndAwait(RolloutRig rig, long version, String block) throws Exception {
    String id = rig.deploy(version, block).path("rollout").asText();
    JsonNode done = rig.awaitEvent(id, "rollout_completed");
    assertEquals("succeeded", done.path("outcome").asText(), done.toString());
  }

  /** The events of one kind seen so far, in order. */
  private static List<JsonNode> events(RolloutRig rig, String event) {
    return rig.client.events.stream().filter(e -> e.path("event").asText().equals(event)).toList();
  }

  private static JsonNode deviceEvent(RolloutRig rig, String rollout, String event, String device) {
    return events(rig, event).stream()
        .filter(e -> e.path("rollout").asText().equals(rollout))
        .filter(e -> e.path("device").asText().equals(device))
        .findFirst()
        .orElse(null);
  }
}
