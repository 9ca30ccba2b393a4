package io.edgeconf.agent.rollout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.testing.MqttRequester;
import io.edgeconf.agent.testing.RolloutRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker (a private Mosquitto without persistence) is stopped for 30 s in the middle of a
 * rollout and started again: the rollout reaches an outcome, the module active is the one the
 * outcome says, and every board runs the image its device entry says it should (the agent
 * republishes the retained images the broker lost).
 */
class BrokerOutageIT {
  @TempDir Path dir;

  @Test
  void brokerStoppedFor30sMidRolloutStillEndsWithEveryBoardOnItsOutcome() throws Exception {
    try (var rig = RolloutRig.start(dir, 4, 1)) {
      String block = "  canary 25%\n  max_failures 50%\n  health_window 2s\n  batch 1";
      String r7 = rig.deploy(7, block).path("rollout").asText();
      rig.awaitEvent(r7, "rollout_completed");
      rig.awaitBoardsOnDesired();

      String r8 = rig.deploy(8, block).path("rollout").asText();
      rig.awaitEvent(r8, "device_applied");
      rig.privateBroker.stop();
      // The outage itself is the point of the test: 30 s without a broker.
      Thread.sleep(Duration.ofSeconds(30));
      rig.privateBroker.restart();
      try {
        rig.client.close();
      } catch (Exception e) {
        // it lost its broker
      }
      rig.client = new MqttRequester(rig.broker, rig.gateway);

      AtomicReference<String> outcome = new AtomicReference<>();
      await()
          .atMost(RolloutRig.LONG)
          .ignoreExceptions()
          .until(
              () -> {
                for (JsonNode r : rig.command("history", "{}").path("rollouts")) {
                  if (r.path("id").asText().equals(r8)
                      && !r.path("outcome").asText().equals("running")) {
                    outcome.set(r.path("outcome").asText());
                    return true;
                  }
                }
                return false;
              });
      int expected = outcome.get().equals("succeeded") ? 8 : 7;
      assertEquals(expected, rig.activeVersion(), outcome.get());
      for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
        if (outcome.get().equals("rolled_back")) {
          assertEquals(7, d.path("desired").path("version").asInt(), d.toString());
        }
      }
    }
  }
}
