package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One run of a {@link KillScenario}: sets it up, arms the agent's step counter, starts the
 * operation and, for a kill point {@code k > 0}, SIGKILLs the agent once it froze after step {@code
 * k}, checks what the kill left on disk and restarts the agent. Then waits for the outcome and
 * checks it (assertions fail the run): the rollout's kind and outcome, the active version, every
 * board on the image its device entry names, which is the outcome's version. What may legitimately
 * differ only in a broken agent (the device entries' states, the rollout's counts) is returned for
 * comparison with the uninterrupted run. Not thread-safe.
 */
final class KillAttempt {
  /**
   * What one run did.
   *
   * @param steps the changes counted (up to the kill)
   * @param frozenAt the description of the step the agent was killed after ({@code ""}: no kill)
   * @param activeAtKill the active version the kill left in the store (0: no kill)
   * @param outcome the rollout's outcome
   * @param finalVersion the version the policy and every board ended on
   * @param states each device entry's state at the end, by id
   * @param counts the rollout's counts in {@code history}
   */
  record Result(
      List<String> steps,
      String frozenAt,
      long activeAtKill,
      String outcome,
      long finalVersion,
      Map<String, String> states,
      String counts) {}

  private static final Set<String> FINAL_STATES = Set.of("confirmed", "failed");
  private final KillFleet fleet;
  private final Path scratch;

  KillAttempt(KillFleet fleet, Path scratch) {
    this.fleet = fleet;
    this.scratch = scratch;
  }

  /** Runs the scenario once, killing the agent after step {@code k} (0: no kill). */
  Result run(KillScenario s, int k, List<String> baseline) throws Exception {
    try {
      return runOnce(s, k, baseline);
    } finally {
      fleet.rig.sim.clearFaults("");
    }
  }

  private Result runOnce(KillScenario s, int k, List<String> baseline) throws Exception {
    fleet.awaitIdle();
    // The waves depend on which boards are online: a restarted agent must know every board again.
    fleet.rig.awaitDevices(3);
    KillScenario.Versions v = s.setup().prepare(fleet);
    Set<String> known = new HashSet<>();
    fleet.rollouts().forEach(r -> known.add(r.path("id").asText()));
    KillPointProcess victim = fleet.agent();
    victim.arm(k);
    s.command().send(fleet, v);
    String frozenAt = "";
    long activeAtKill = 0;
    if (k > 0) {
      String line = victim.awaitLine(l -> l.startsWith("frozen "));
      victim.kill();
      try {
        frozenAt = line.substring(line.indexOf(' ', 7) + 1);
        assertEquals("frozen " + k + " " + frozenAt, line);
        StepTally.assertKilledAfter(k, victim.changes(), baseline);
        var found = StoreProbe.read(fleet.stateDir(), KillFleet.POLICY, scratch);
        assertEquals("ok", found.integrity(), "integrity_check after the kill at " + k);
        activeAtKill = found.activeVersion();
        assertTrue(
            activeAtKill == v.before() || activeAtKill == v.after(),
            "active v" + activeAtKill + " after the kill at " + k + ", expected one of " + v);
      } finally {
        // Restarted even when a check failed, so that the next runs can go on.
        fleet.restartAgent();
      }
    }
    Optional<JsonNode> rollout = k > 0 ? fleet.newRollout(known) : awaitNewRollout(known);
    if (rollout.isEmpty()) {
      // Killed before the activation committed: nothing happened, and nothing is retried.
      assertEquals(v.before(), fleet.rig.activeVersion());
      fleet.assertBoardsOn(v.before());
      return new Result(
          List.of(), frozenAt, activeAtKill, "none", v.before(), states(), "no rollout");
    }
    JsonNode done = fleet.settle(rollout.get().path("id").asText());
    assertEquals(s.kind(), done.path("kind").asText(), done.toString());
    assertEquals(s.outcome(), done.path("outcome").asText(), done.toString());
    long end = s.finalVersion(v);
    assertEquals(end, fleet.rig.activeVersion(), "active version after " + done);
    fleet.assertBoardsOn(end);
    if (k == 0) {
      await()
          .atMost(KillPointProcess.LONG)
          .until(() -> victim.changes().getLast().startsWith("finish rollout "));
    }
    List<String> steps = victim.changes();
    if (k == 0) {
      victim.arm(-1);
    }
    String counts =
        "total "
            + done.path("total").asInt()
            + ", applied "
            + done.path("applied").asInt()
            + ", failed "
            + done.path("failed").asInt();
    return new Result(
        steps, frozenAt, activeAtKill, done.path("outcome").asText(), end, states(), counts);
  }

  private Optional<JsonNode> awaitNewRollout(Set<String> known) throws Exception {
    await().atMost(KillPointProcess.LONG).until(() -> fleet.newRollout(known).isPresent());
    return fleet.newRollout(known);
  }

  /**
   * Each device entry's state once none is on its way ({@code pending}, {@code applied}); the
   * states as they are when that does not happen.
   */
  private Map<String, String> states() throws Exception {
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> FINAL_STATES.containsAll(currentStates().values()));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // Returned as they are: the caller compares them with the uninterrupted run's.
    }
    return currentStates();
  }

  private Map<String, String> currentStates() throws Exception {
    return fleet.rig.devices().entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> e.getValue().path("state").asText(),
                (a, b) -> a,
                TreeMap::new));
  }
}
