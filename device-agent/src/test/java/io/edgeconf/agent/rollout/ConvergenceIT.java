package io.edgeconf.agent.rollout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boards offline during a rollout keep the new image as desired and converge when they return; a
 * board that appears after the rollout gets the active module's image.
 */
class ConvergenceIT {
  @TempDir Path dir;

  @Test
  void offlineBoardsConvergeWhenTheyReturnAndNewBoardsGetTheActiveImage() throws Exception {
    int nrf = 1;
    try (var rig = RolloutRig.start(dir, 3, nrf)) {
      String r7 = rig.deploy(7, RolloutRig.LENIENT).path("rollout").asText();
      rig.awaitEvent(r7, "rollout_completed");
      rig.awaitBoardsOnDesired();

      List<String> away = new ArrayList<>(List.of(rig.id("esp32", 3)));
      if (nrf > 0) {
        away.add(rig.id("nrf52840", 1));
      }
      away.forEach(rig.sim::powerOff);
      await().atMost(RolloutRig.LONG).until(() -> away.stream().noneMatch(id -> onlineOf(rig, id)));

      String r8 = rig.deploy(8, RolloutRig.LENIENT).path("rollout").asText();
      JsonNode done = rig.awaitEvent(r8, "rollout_completed");
      assertEquals("succeeded", done.path("outcome").asText(), done.toString());
      assertEquals(away.size(), done.path("offline").asInt(), done.toString());
      for (String id : away) {
        assertEquals(7, rig.running(id), id + " is still away");
        assertEquals(8, rig.devices().get(id).path("desired").path("version").asInt());
      }

      away.forEach(rig.sim::powerOn);
      for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
        assertEquals(8, d.path("desired").path("version").asInt(), d.toString());
      }
      for (String id : away) {
        assertEquals(8, rig.running(id), id + " converged");
      }

      // A board seen for the first time after the rollout is rendered for and pushed.
      try (var late =
          Simulator.start(
              SimulatorOptions.builder()
                  .broker(rig.broker)
                  .idPrefix(rig.gateway + "late")
                  .boards("esp32", 1)
                  .healthInterval(Duration.ofMillis(400))
                  .build())) {
        String id = late.ids().get(0);
        await().atMost(RolloutRig.LONG).until(() -> late.board(id).orElseThrow().version() == 8);
        JsonNode entry = rig.devices().get(id);
        assertEquals(8, entry.path("desired").path("version").asInt(), entry.toString());
        assertTrue(late.board(id).orElseThrow().healthy());
      }
    }
  }

  private static boolean onlineOf(RolloutRig rig, String id) {
    try {
      return rig.devices().get(id).path("online").asBoolean();
    } catch (Exception e) {
      return true;
    }
  }
}
