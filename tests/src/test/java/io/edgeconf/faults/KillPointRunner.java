package io.edgeconf.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link KillScenario} once without a kill to count its persistence steps, then once per
 * step with the agent SIGKILLed right after that step ({@link KillAttempt}), and prints each kill
 * point and its result. A run's device entry states and rollout counts must equal the uninterrupted
 * run's; mismatches are collected over all kill points and reported together, so a report shows
 * every kill point that loses them. Not thread-safe.
 */
final class KillPointRunner {
  private final KillAttempt attempt;
  private final Map<String, Integer> counted = new LinkedHashMap<>();

  KillPointRunner(KillFleet fleet, Path scratch) {
    this.attempt = new KillAttempt(fleet, scratch);
  }

  /** The step counts of the scenarios run so far, by name. */
  Map<String, Integer> counted() {
    return counted;
  }

  /** Counts the scenario's steps, then kills the agent after each. */
  void run(KillScenario s) throws Exception {
    long t0 = System.nanoTime();
    KillAttempt.Result base = attempt.run(s, 0, List.of());
    List<String> steps = base.steps();
    System.out.printf(
        "%n== %s: %d steps, ends %s on v%d, %s, states %s%n",
        s.name(), steps.size(), base.outcome(), base.finalVersion(), base.counts(), base.states());
    for (int i = 0; i < steps.size(); i++) {
      System.out.printf("  %2d %s%n", i + 1, steps.get(i));
    }
    assertFalse(steps.isEmpty(), "no step counted");
    counted.put(s.name(), steps.size());
    List<String> findings = new ArrayList<>();
    for (int k = 1; k <= steps.size(); k++) {
      long t = System.nanoTime();
      KillAttempt.Result r = attempt.run(s, k, steps);
      List<String> wrong = new ArrayList<>();
      if (!r.states().equals(base.states())) {
        wrong.add("device states " + r.states());
      }
      if (!r.counts().equals(base.counts())) {
        wrong.add("history counts " + r.counts());
      }
      System.out.printf(
          "  kill at %2d/%d after '%s' (active then v%d) -> %s, every board on v%d (%.1f s)%s%n",
          k,
          steps.size(),
          r.frozenAt(),
          r.activeAtKill(),
          r.outcome(),
          r.finalVersion(),
          (System.nanoTime() - t) / 1e9,
          wrong.isEmpty() ? "" : "; DIFFERS: " + String.join("; ", wrong));
      for (String w : wrong) {
        findings.add("kill at " + k + " (" + r.frozenAt() + "): " + w);
      }
    }
    System.out.printf(
        "== %s: %d kill points in %.1f s, %d with differences%n",
        s.name(), steps.size(), (System.nanoTime() - t0) / 1e9, findings.size());
    assertTrue(
        findings.isEmpty(),
        s.name()
            + ": the uninterrupted run ends with "
            + base.states()
            + ", "
            + base.counts()
            + "; after a kill:\n"
            + String.join("\n", findings));
  }
}
