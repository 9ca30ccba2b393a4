package io.edgeconf.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks that a kill landed where it was aimed. Boards of one wave act concurrently, so the order
 * of their steps may differ from the uninterrupted run's while the number of steps does not: the
 * check is that exactly {@code k} steps were counted and that each kind of step (rollout ids and
 * versions left out) came no more often than in the uninterrupted run. Stateless.
 */
final class StepTally {
  private StepTally() {}

  /** Fails unless {@code counted} are {@code k} steps that the uninterrupted run also took. */
  static void assertKilledAfter(int k, List<String> counted, List<String> uninterrupted) {
    assertEquals(k, counted.size(), "steps counted before the kill: " + counted);
    Map<String, Long> expected = tally(uninterrupted);
    tally(counted)
        .forEach(
            (step, n) ->
                assertTrue(
                    n <= expected.getOrDefault(step, 0L),
                    "step '"
                        + step
                        + "' came "
                        + n
                        + " times before the kill; the uninterrupted run: "
                        + expected));
  }

  private static Map<String, Long> tally(List<String> steps) {
    return steps.stream()
        .map(StepTally::normalized)
        .collect(Collectors.groupingBy(x -> x, Collectors.counting()));
  }

  /** A step's description without its rollout id and versions. */
  static String normalized(String step) {
    return step.replaceAll("r-\\d+-[0-9a-f]+", "r-…").replaceAll("v\\d+", "v…");
  }
}
