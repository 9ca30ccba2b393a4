package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.testing.RolloutRig;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a rollout's outcome implies, checked the same way whatever the outcome is: the outcome is
 * read from {@code history} (events published while the broker was away are lost, the store's
 * record is not), the active module is the one the outcome names, and every board runs the image
 * its device entry names. Not thread-safe; one per test.
 */
final class Outcomes {
  private Outcomes() {}

  /** Waits until the rollout has an outcome in {@code history} and returns it. */
  static String awaitOutcome(RolloutRig rig, String rolloutId) {
    AtomicReference<String> outcome = new AtomicReference<>();
    await()
        .atMost(RolloutRig.LONG)
        .ignoreExceptions()
        .until(
            () -> {
              for (JsonNode r : rig.command("history", "{}").path("rollouts")) {
                if (r.path("id").asText().equals(rolloutId)
                    && !r.path("outcome").asText().equals("running")) {
                  outcome.set(r.path("outcome").asText());
                  return true;
                }
              }
              return false;
            });
    return outcome.get();
  }

  /**
   * Checks a deploy from {@code from} to {@code to} against its outcome: {@code succeeded} makes
   * {@code to} active and, with a threshold of 0 %, every board runs it; {@code rolled_back} makes
   * {@code from} active again and every board runs it. Boards that were still converging are waited
   * for.
   *
   * @return the device entries
   */
  static Map<String, JsonNode> assertFleetFollows(
      RolloutRig rig, String outcome, long from, long to) throws Exception {
    assertTrue(Set.of("succeeded", "rolled_back").contains(outcome), outcome);
    long expected = outcome.equals("succeeded") ? to : from;
    assertEquals(expected, rig.activeVersion(), "active version after " + outcome);
    Map<String, JsonNode> devices = rig.awaitBoardsOnDesired();
    for (var d : devices.values()) {
      String id = d.path("id").asText();
      assertEquals(expected, d.path("desired").path("version").asLong(), outcome + ": " + d);
      assertEquals(expected, rig.running(id), outcome + ": " + id + " runs");
    }
    return devices;
  }
}
