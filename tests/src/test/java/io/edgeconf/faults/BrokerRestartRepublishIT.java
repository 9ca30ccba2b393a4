package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.sim.BoardSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, a broker restart after a rollout: Mosquitto without persistence comes back empty, and
 * the agent publishes again everything retained that it owns (management-api.md,
 * device-protocol.md) — {@code ec/gw/<gw>/online} = 1, the status document, every device entry
 * (equal to what {@code devices} answers), and each ESP32 board's desired image on {@code
 * ec/d/<id>/cfg} (none for the CoAP board) — as a fresh subscriber finds them; the boards' own
 * retained {@code hello} and {@code online} come back too. An ESP32 board power-cycled after the
 * restart runs its image again, and one that was off through the rollout and the restart gets the
 * new image when it returns.
 */
class BrokerRestartRepublishIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BLOCK = "  canary 50%\n  max_failures 100%\n  health_window 2s";

  @TempDir Path dir;

  @Test
  void theAgentRepublishesWhatIsRetainedAndRestartingBoardsRunTheirImage() throws Exception {
    try (var rig = RolloutRig.start(dir, 3, 1)) {
      String r7 = rig.deploy(7, BLOCK).path("rollout").asText();
      assertEquals("succeeded", rig.awaitEvent(r7, "rollout_completed").path("outcome").asText());
      rig.awaitBoardsOnDesired();

      // One ESP32 board is off through the rollout and the restart: its v8 waits on its cfg.
      String away = rig.id("esp32", 3);
      Outages.power(rig, away, false);
      await()
          .atMost(RolloutRig.LONG)
          .until(() -> !rig.devices().get(away).path("online").asBoolean());
      String r8 = rig.deploy(8, BLOCK).path("rollout").asText();
      JsonNode done = rig.awaitEvent(r8, "rollout_completed");
      assertEquals("succeeded", done.path("outcome").asText(), done.toString());
      assertEquals(1, done.path("offline").asInt(), done.toString());

      Outages.brokerDown(rig, Duration.ZERO);
      await()
          .atMost(RolloutRig.LONG)
          .ignoreExceptions()
          .untilAsserted(() -> assertRetainedRepublished(rig, away));

      String cycled = rig.id("esp32", 1);
      long boot = rig.sim.board(cycled).orElseThrow().boot();
      Outages.power(rig, cycled, false);
      Outages.power(rig, cycled, true);
      Outages.power(rig, away, true);
      Map<String, JsonNode> devices = rig.awaitBoardsOnDesired();
      assertTrue(rig.sim.board(cycled).orElseThrow().boot() > boot, "it booted again");
      for (JsonNode d : devices.values()) {
        assertEquals(8, d.path("desired").path("version").asLong(), d.toString());
      }
      await()
          .atMost(RolloutRig.LONG)
          .until(
              () ->
                  rig.devices().get(away).path("online").asBoolean()
                      && rig.devices().get(cycled).path("online").asBoolean());
    }
  }

  /** What a fresh subscriber finds retained, against what the agent says now. */
  private static void assertRetainedRepublished(RolloutRig rig, String away) throws Exception {
    String gw = "ec/gw/" + rig.gateway + "/";
    Map<String, byte[]> retained = RetainedSnapshot.read(rig.broker, gw + "#", "ec/d/+/+");

    assertEquals("1", text(retained.get(Topics.online(rig.gateway))), "agent online");

    JsonNode status = JSON.readTree(retained.get(Topics.status(rig.gateway)));
    assertEquals("idle", status.path("state").asText(), status.toString());
    assertEquals(8, status.at("/policies/greenhouse/active/version").asLong(), status.toString());
    assertEquals(4, status.at("/devices/known").asInt(), status.toString());
    assertEquals(3, status.at("/devices/online").asInt(), status.toString());

    Map<String, JsonNode> entries = rig.devices();
    assertEquals(4, entries.size());
    for (BoardSnapshot b : rig.sim.boards()) {
      String id = b.id();
      JsonNode entry = entries.get(id);
      byte[] published = retained.get(Topics.device(rig.gateway, id));
      assertNotNull(published, "device entry of " + id);
      assertEquals(entry, JSON.readTree(published), "retained device entry of " + id);
      assertEquals(8, entry.path("desired").path("version").asLong(), entry.toString());

      byte[] cfg = retained.get("ec/d/" + id + "/cfg");
      if (b.board().equals("nrf52840")) {
        assertEquals(null, cfg, "a CoAP board has no cfg topic");
        continue;
      }
      assertNotNull(cfg, "retained cfg of " + id);
      assertEquals(8, ImageCodec.versionOf(cfg).orElseThrow(), id);
      assertEquals(
          entry.path("desired").path("crc").asText(), Crc32c.hex(ImageCodec.crcOf(cfg)), id);
      if (!id.equals(away)) {
        // The boards' own retained topics, published again as they reconnected.
        assertNotNull(retained.get("ec/d/" + id + "/hello"), "hello of " + id);
        assertEquals("1", text(retained.get("ec/d/" + id + "/online")), "online of " + id);
        assertEquals(Crc32c.hex(b.crc()), Crc32c.hex(ImageCodec.crcOf(cfg)), id + " runs it");
      } else {
        assertFalse(entry.path("online").asBoolean(), entry.toString());
      }
    }
  }

  private static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}
