package io.edgeconf.faults;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The soak's summary: one block per deploy, then the totals. */
final class SoakReport {
  private SoakReport() {}

  static String line(StepResult r) {
    var s = r.step();
    var b = new StringBuilder();
    b.append(
        String.format(
            "#%02d v%d %s -> %s in %.1fs%n",
            s.index(), s.version(), s.block(), r.outcome(), r.seconds()));
    if (!s.faults().isEmpty()) {
      b.append("    faults: ")
          .append(
              s.faults().stream()
                  .map(f -> f + (r.fired().contains(f.deviceId()) ? "*" : ""))
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    r.kills().forEach(k -> b.append("    kill: ").append(k).append('\n'));
    if (!r.causes().isEmpty()) {
      b.append("    failed: ").append(shortIds(r.causes())).append('\n');
    }
    if (!r.unexpected().isEmpty()) {
      b.append("    failed without a fault: ").append(r.unexpected()).append('\n');
    }
    return b.toString();
  }

  static String totals(long seed, SoakSize size, List<StepResult> results, double wallSeconds) {
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> causes = new TreeMap<>();
    Map<String, Integer> faults = new TreeMap<>();
    int kills = 0;
    int killing = 0;
    int unexpected = 0;
    for (StepResult r : results) {
      outcomes.merge(r.outcome(), 1, Integer::sum);
      r.causes().forEach((c, ids) -> causes.merge(c, ids.size(), Integer::sum));
      r.step().faults().forEach(f -> faults.merge(f.kind(), 1, Integer::sum));
      kills += r.kills().size();
      killing += r.kills().isEmpty() ? 0 : 1;
      unexpected += r.unexpected().size();
    }
    return String.format(
        "soak %s (seed %d): %d boards (%d ESP32, %d nRF52840), %d deploys%n"
            + "  outcomes: %s%n  agent kills: %d in %d deploys%n  faults set: %s%n"
            + "  failed boards by cause: %s (%d without a fault)%n  wall time: %.1f s%n",
        size.name(),
        seed,
        size.boards(),
        size.esp32(),
        size.nrf(),
        results.size(),
        outcomes,
        kills,
        killing,
        faults,
        causes,
        unexpected,
        wallSeconds);
  }

  private static String shortIds(Map<String, List<String>> byCause) {
    return byCause.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().stream().map(SoakReport::shortId).toList())
        .collect(Collectors.joining(", "));
  }

  private static String shortId(String id) {
    return id.substring(id.indexOf('-') + 1);
  }
}
