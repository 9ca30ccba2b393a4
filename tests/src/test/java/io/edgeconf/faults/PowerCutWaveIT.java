package io.edgeconf.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.testing.Greenhouse;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.sim.SimEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, power cuts during slot writes: the simulator's {@code power-cut} fault (it stays set
 * until cleared) on every board of one wave, ESP32 (MQTT) and nRF52840 (CoAP) alike. Each cut board
 * writes half the new image over its inactive slot, loses power, boots, reports the torn slot and
 * runs its old image: none is bricked. Back without an ack, a cut board has failed ({@code
 * timeout}): on the canary wave the first such failure trips the threshold and the rollout rolls
 * back (the later wave is never reached); on a later batch, without a threshold, each cut board
 * fails and gets its old image back while the canary keeps the new one. Every board runs the image
 * its device entry names; with the faults cleared, the next deploy brings every board to it.
 */
class PowerCutWaveIT {
  @TempDir Path dir;

  /**
   * A push deadline that a cut board (dark for the simulator's 500 ms reboot, then reconnecting) is
   * back well within, so that it is judged as back without an ack rather than offline.
   */
  static AgentConfig.Builder deadline(AgentConfig.Builder b) {
    return b.pushTimeout(Duration.ofSeconds(15));
  }

  @Test
  void cutsOnTheCanaryWaveRollTheRolloutBack() throws Exception {
    String block = "  canary 50%\n  max_failures 20%\n  health_window 2s";
    try (var rig = RolloutRig.start(dir, 2, 2, PowerCutWaveIT::deadline)) {
      List<String> cut = wave(rig, block, 0);
      PowerCuts.Deploy deploy = PowerCuts.deploy(rig, block, cut);
      JsonNode done = deploy.done();
      assertEquals("rolled_back", done.path("outcome").asText(), done.toString());
      // The first cut board to fail trips the threshold; the other may be reverted before its own
      // verdict. Either way the causes name cut boards only.
      String rollout = done.path("rollout").asText();
      JsonNode causes = rig.event(rollout, "rollback_started").path("causes");
      for (int i = 1; i < causes.size(); i++) {
        String cause = causes.get(i).asText();
        assertTrue(cut.stream().anyMatch(cause::startsWith), causes.toString());
      }
      assertEquals(7, rig.activeVersion());
      Map<String, JsonNode> devices = rig.awaitBoardsOnDesired();
      for (JsonNode d : devices.values()) {
        assertEquals(7, d.path("desired").path("version").asLong(), d.toString());
        String id = d.path("id").asText();
        if (!cut.contains(id)) {
          assertFalse(
              deploy.events().stream()
                  .anyMatch(e -> e.deviceId().equals(id) && e.kind() == SimEvent.Kind.APPLIED),
              id + " was not reached");
        }
      }
      PowerCuts.clearAndConverge(rig, block, cut);
    }
  }

  @Test
  void cutsOnALaterBatchRevertThoseBoardsOnly() throws Exception {
    String block = "  canary 50%\n  max_failures 100%\n  health_window 2s";
    try (var rig = RolloutRig.start(dir, 2, 2, PowerCutWaveIT::deadline)) {
      List<String> cut = wave(rig, block, 1);
      JsonNode done = PowerCuts.deploy(rig, block, cut).done();
      assertEquals("succeeded", done.path("outcome").asText(), done.toString());
      // Without a threshold each cut board gets its own verdict.
      assertEquals(Set.copyOf(cut), PowerCuts.failed(rig, done.path("rollout").asText()));
      assertEquals(8, rig.activeVersion());
      Map<String, JsonNode> devices = rig.awaitBoardsOnDesired();
      for (JsonNode d : devices.values()) {
        long expected = cut.contains(d.path("id").asText()) ? 7 : 8;
        assertEquals(expected, d.path("desired").path("version").asLong(), d.toString());
      }
      PowerCuts.clearAndConverge(rig, block, cut);
    }
  }

  /** Deploys v7 everywhere, then returns the ids of one wave a v8 deploy would form. */
  private static List<String> wave(RolloutRig rig, String block, int index) throws Exception {
    String r7 = rig.deploy(7, block).path("rollout").asText();
    assertEquals("succeeded", rig.awaitEvent(r7, "rollout_completed").path("outcome").asText());
    rig.awaitBoardsOnDesired();
    JsonNode plan =
        rig.client.request(
            Topics.command(rig.gateway, "plan"), Greenhouse.module(rig.key, 8, block));
    List<String> ids = new ArrayList<>();
    plan.at("/rollout/waves/" + index + "/devices").forEach(d -> ids.add(d.asText()));
    assertTrue(ids.stream().anyMatch(id -> id.contains("-esp32-")), plan.toString());
    assertTrue(ids.stream().anyMatch(id -> id.contains("-nrf52840-")), plan.toString());
    return ids;
  }
}
