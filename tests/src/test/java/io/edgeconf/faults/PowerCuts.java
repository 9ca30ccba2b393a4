package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.sim.BoardSnapshot;
import io.edgeconf.sim.SimEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A deploy into simulated power cuts, and what every cut board must show afterwards: it lost power
 * writing the new image, booted finding the torn slot, and runs its old image from its old slot
 * (not bricked). Not thread-safe; one per test.
 */
final class PowerCuts {
  private PowerCuts() {}

  /**
   * Sets {@code power-cut} on the boards, deploys v8 and waits for its outcome; checks that each
   * cut board lost power writing v8, booted with a torn slot and runs its old image intact, that no
   * other board was cut, and that the boards that failed are cut ones.
   */
  static Deploy deploy(RolloutRig rig, String block, List<String> cut) throws Exception {
    Map<String, BoardSnapshot> before = new HashMap<>();
    rig.sim.boards().forEach(b -> before.put(b.id(), b));
    List<SimEvent> events = new CopyOnWriteArrayList<>();
    rig.sim.addListener(events::add);
    cut.forEach(id -> rig.sim.setFault(id, "power-cut"));

    String r8 = rig.deploy(8, block).path("rollout").asText();
    JsonNode done = rig.awaitEvent(r8, "rollout_completed");
    rig.awaitBoardsOnDesired();
    for (String id : cut) {
      BoardSnapshot was = before.get(id);
      await().atMost(RolloutRig.LONG).until(() -> rig.sim.board(id).orElseThrow().online());
      BoardSnapshot now = rig.sim.board(id).orElseThrow();
      assertTrue(now.powered() && !now.activeSlot().isEmpty(), id + " is bricked: " + now);
      assertEquals(was.version(), now.version(), id + " runs its old version");
      assertEquals(Crc32c.hex(was.crc()), Crc32c.hex(now.crc()), id + " runs its old image");
      assertEquals(was.activeSlot(), now.activeSlot(), id + " runs its old slot");
      assertTrue(
          events.stream()
              .anyMatch(
                  e ->
                      e.deviceId().equals(id)
                          && e.kind() == SimEvent.Kind.POWER_CUT
                          && e.version() == 8),
          id + " lost power writing v8");
      assertTrue(
          events.stream()
              .anyMatch(
                  e ->
                      e.deviceId().equals(id)
                          && e.kind() == SimEvent.Kind.BOOTED
                          && e.detail().startsWith("torn slot")
                          && e.crc() == was.crc()),
          id + " booted on its old image and found the torn slot: " + events);
    }
    for (String id : before.keySet()) {
      if (!cut.contains(id)) {
        assertFalse(
            events.stream()
                .anyMatch(e -> e.deviceId().equals(id) && e.kind() == SimEvent.Kind.POWER_CUT),
            id);
      }
    }
    Set<String> failed = failed(rig, r8);
    assertFalse(failed.isEmpty(), "no board failed: " + rig.client.events);
    assertTrue(cut.containsAll(failed), "only cut boards fail: " + failed);
    return new Deploy(done, events);
  }

  /** A deploy's {@code rollout_completed} event and what the simulated boards did meanwhile. */
  record Deploy(JsonNode done, List<SimEvent> events) {}

  /** The boards with a {@code device_failed} event in the rollout. */
  static Set<String> failed(RolloutRig rig, String rollout) {
    return rig.client.events.stream()
        .filter(e -> e.path("event").asText().equals("device_failed"))
        .filter(e -> e.path("rollout").asText().equals(rollout))
        .map(e -> e.path("device").asText())
        .collect(Collectors.toSet());
  }

  /** Clears the faults and deploys v9: every board ends on it. */
  static void clearAndConverge(RolloutRig rig, String block, List<String> cut) throws Exception {
    cut.forEach(rig.sim::clearFaults);
    String r9 = rig.deploy(9, block).path("rollout").asText();
    JsonNode done = rig.awaitEvent(r9, "rollout_completed");
    assertEquals("succeeded", done.path("outcome").asText(), done.toString());
    assertEquals(9, rig.activeVersion());
    for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
      assertEquals(9, d.path("desired").path("version").asLong(), d.toString());
      assertEquals(9, rig.running(d.path("id").asText()), d.toString());
    }
  }
}
