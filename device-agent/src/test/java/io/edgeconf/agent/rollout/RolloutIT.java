package io.edgeconf.agent.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.testing.Greenhouse;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.hardware.StatusPattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's rollouts through the rollout engine, against a real (private) Mosquitto and the
 * simulator's ESP32 (MQTT) and nRF52840 (CoAP) boards: a happy rollout with waves and a {@code
 * busy} answer, a threshold trip that rolls back boards that had confirmed, and an operator's
 * rollback.
 */
class RolloutIT {
  static final String STRICT = "  canary 50%\n  max_failures 20%\n  health_window 2s";

  @TempDir Path dir;

  @Test
  void happyRolloutToAMixedFleetConfirmsEveryBoardAndAnswersAConcurrentDeployBusy()
      throws Exception {
    try (var rig = RolloutRig.start(dir, 3, 2)) {
      // plan says how the waves would be formed: the canary covers both board types.
      JsonNode plan =
          rig.client.request(
              Topics.command(rig.gateway, "plan"),
              Greenhouse.module(rig.key, 7, RolloutRig.LENIENT));
      JsonNode waves = plan.path("rollout").path("waves");
      assertEquals("canary", waves.get(0).path("wave").asText(), plan.toString());
      List<String> canary = new ArrayList<>();
      waves.get(0).path("devices").forEach(n -> canary.add(n.asText()));
      int n = rig.sim.boards().size();
      assertEquals((n + 1) / 2, canary.size(), canary.toString());
      assertTrue(canary.contains(rig.id("esp32", 1)));
      assertTrue(canary.contains(rig.id("nrf52840", 1)), "the canary covers every board type");
      assertEquals(2, waves.size());

      String r7 = rig.deploy(7, RolloutRig.LENIENT).path("rollout").asText();
      JsonNode busy =
          rig.client.request(
              Topics.command(rig.gateway, "deploy"),
              Greenhouse.module(rig.key, 8, RolloutRig.LENIENT));
      assertEquals("busy", busy.path("error").path("code").asText(), busy.toString());

      JsonNode done = rig.awaitEvent(r7, "rollout_completed");
      assertEquals("succeeded", done.path("outcome").asText(), done.toString());
      assertEquals(n, done.path("confirmed").asInt(), done.toString());
      assertEquals(0, done.path("failed").asInt());
      var devices = rig.awaitBoardsOnDesired();
      for (JsonNode d : devices.values()) {
        assertEquals(7, d.path("desired").path("version").asInt(), d.toString());
        assertEquals("confirmed", d.path("state").asText(), d.toString());
      }
      long confirmed =
          rig.client.events.stream()
              .filter(e -> e.path("event").asText().equals("device_confirmed"))
              .filter(e -> e.path("rollout").asText().equals(r7))
              .count();
      assertEquals(n, confirmed);
      // Nothing was queued: the busy deploy never went out.
      assertEquals(7, rig.activeVersion());
      JsonNode status = rig.command("status", "{}");
      assertEquals("idle", status.path("state").asText(), status.toString());
      assertTrue(status.path("rollout").isNull());
      assertEquals(StatusPattern.STEADY, rig.agent.hardware().shown());

      String r8 = rig.deploy(8, RolloutRig.LENIENT).path("rollout").asText();
      assertEquals("succeeded", rig.awaitEvent(r8, "rollout_completed").path("outcome").asText());
      for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
        assertEquals(8, d.path("desired").path("version").asInt(), d.toString());
      }
    }
  }

  @Test
  void thresholdTripRollsBackBoardsThatHadConfirmedAndTheOldModuleIsActiveAgain() throws Exception {
    try (var rig = RolloutRig.start(dir, 3, 1)) {
      String r7 = rig.deploy(7, STRICT).path("rollout").asText();
      assertEquals("succeeded", rig.awaitEvent(r7, "rollout_completed").path("outcome").asText());
      rig.awaitBoardsOnDesired();

      // The canary (esp32-001, nrf52840-001) settles; then esp32-003 rejects: 1 of 3+ > 20 %.
      rig.sim.setFault(rig.id("esp32", 3), "reject=range");
      String r8 = rig.deploy(8, STRICT).path("rollout").asText();
      JsonNode started = rig.awaitEvent(r8, "rollback_started");
      assertTrue(
          started.path("causes").toString().contains(rig.id("esp32", 3)), started.toString());
      assertNotNull(confirmedBefore(rig, r8, rig.id("esp32", 1)), "the canary had confirmed");
      JsonNode done = rig.awaitEvent(r8, "rollout_completed");
      assertEquals("rolled_back", done.path("outcome").asText(), done.toString());
      assertNotNull(rig.event(r8, "rollback_completed"));

      for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
        assertEquals(7, d.path("desired").path("version").asInt(), d.toString());
      }
      for (var b : rig.sim.boards()) {
        assertEquals(7, b.version(), b.id());
      }
      JsonNode status = rig.command("status", "{}");
      assertEquals(7, rig.activeVersion(), status.toString());
      assertEquals("idle", status.path("state").asText());
      assertEquals(StatusPattern.FAST_BLINK, rig.agent.hardware().shown());
      JsonNode history = rig.command("history", "{}");
      assertTrue(
          history.path("modules").toString().contains("\"version\":8"),
          "the failed module stays stored");
      assertEquals("rolled_back", history.path("rollouts").get(0).path("outcome").asText());
      assertEquals("rolled_back", history.path("events").get(0).path("event").asText());
    }
  }

  @Test
  void operatorRollbackTakesEveryBoardBackToTheLastKnownGood() throws Exception {
    try (var rig = RolloutRig.start(dir, 2, 1)) {
      String r7 = rig.deploy(7, RolloutRig.LENIENT).path("rollout").asText();
      rig.awaitEvent(r7, "rollout_completed");
      String r8 = rig.deploy(8, RolloutRig.LENIENT).path("rollout").asText();
      rig.awaitEvent(r8, "rollout_completed");
      rig.awaitBoardsOnDesired();

      JsonNode a = rig.command("rollback", "{\"policy\":\"greenhouse\"}");
      assertTrue(a.path("ok").asBoolean(), a.toString());
      assertEquals(7, a.path("version").asInt());
      String rb = a.path("rollout").asText();
      assertNotNull(rig.awaitEvent(rb, "rollback_started"));
      JsonNode done = rig.awaitEvent(rb, "rollback_completed");
      assertEquals("succeeded", done.path("outcome").asText(), done.toString());
      for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
        assertEquals(7, d.path("desired").path("version").asInt(), d.toString());
      }
      assertEquals(7, rig.activeVersion());
      assertEquals(StatusPattern.FAST_BLINK, rig.agent.hardware().shown());
    }
  }

  private static JsonNode confirmedBefore(RolloutRig rig, String rollout, String device) {
    for (JsonNode e : rig.client.events) {
      if (e.path("event").asText().equals("rollback_started")) {
        return null;
      }
      if (e.path("event").asText().equals("device_confirmed")
          && e.path("rollout").asText().equals(rollout)
          && e.path("device").asText().equals(device)) {
        return e;
      }
    }
    return null;
  }
}
