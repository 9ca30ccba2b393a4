package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.ImageCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, broker outages mid-rollout: the private Mosquitto (no persistence) goes away after the
 * first ESP32 board acked the new image — for 5 s while that board is inside its 10 s health
 * window, for 60 s, and for a plain restart that only loses every retained message. The fleet mixes
 * ESP32 boards (MQTT, cut off by the outage) and an nRF52840 board (CoAP, still reaching the
 * agent). Whatever the outcome, the rollout reaches one, the active module is the one it names, and
 * every board runs the image its device entry names: all the new image after {@code succeeded}, all
 * the old one after {@code rolled_back} ({@code max_failures 0%}, so {@code succeeded} means no
 * board failed); and each ESP32 board's desired image is retained on its {@code cfg} topic again.
 * The 5 s outage starts right after the ack, so it falls inside that board's window unless the
 * machine stalls for seconds; the checks hold either way.
 */
class BrokerOutagesIT {
  @TempDir Path dir;

  static String block(String healthWindow) {
    return "  canary 25%\n  max_failures 0%\n  health_window " + healthWindow + "\n  batch 1";
  }

  @Test
  void fiveSecondOutageInsideAHealthWindow() throws Exception {
    outageMidRollout(Duration.ofSeconds(5), "10s");
  }

  /**
   * Slow tier: besides its length, it failed once in a loaded CI run (an ESP32 board that failed
   * during the outage stayed on the new image while its entry desired the previous one); see
   * docs/testing.md.
   */
  @Test
  @Tag("slow")
  void sixtySecondOutage() throws Exception {
    outageMidRollout(Duration.ofSeconds(60), "2s");
  }

  @Test
  void restartLosingRetainedMessagesMidRollout() throws Exception {
    outageMidRollout(Duration.ZERO, "2s");
  }

  private void outageMidRollout(Duration gap, String healthWindow) throws Exception {
    try (var rig = RolloutRig.start(dir, 3, 1)) {
      String r7 = rig.deploy(7, block("2s")).path("rollout").asText();
      assertEquals("succeeded", rig.awaitEvent(r7, "rollout_completed").path("outcome").asText());
      rig.awaitBoardsOnDesired();

      String r8 = rig.deploy(8, block(healthWindow)).path("rollout").asText();
      await().atMost(RolloutRig.LONG).until(() -> firstEsp32Applied(rig, r8) != null);
      Outages.brokerDown(rig, gap);

      String outcome = Outcomes.awaitOutcome(rig, r8);
      Map<String, JsonNode> devices = Outcomes.assertFleetFollows(rig, outcome, 7, 8);
      // The broker came back empty: each ESP32 board's desired image is retained on its cfg again.
      await()
          .atMost(RolloutRig.LONG)
          .untilAsserted(
              () -> {
                Map<String, byte[]> cfgs = RetainedSnapshot.read(rig.broker, "ec/d/+/cfg");
                for (JsonNode d : devices.values()) {
                  if (d.path("transport").asText().equals("mqtt")) {
                    byte[] cfg = cfgs.get("ec/d/" + d.path("id").asText() + "/cfg");
                    assertNotNull(cfg, d.toString());
                    assertEquals(
                        d.path("desired").path("crc").asText(),
                        Crc32c.hex(ImageCodec.crcOf(cfg)),
                        d.toString());
                  }
                }
              });
    }
  }

  private static JsonNode firstEsp32Applied(RolloutRig rig, String rollout) {
    return rig.client.events.stream()
        .filter(e -> e.path("event").asText().equals("device_applied"))
        .filter(e -> e.path("rollout").asText().equals(rollout))
        .filter(e -> e.path("device").asText().contains("-esp32-"))
        .findFirst()
        .orElse(null);
  }
}
