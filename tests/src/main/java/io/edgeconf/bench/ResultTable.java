package io.edgeconf.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Prints the harness's results as Markdown tables: medians with [min–max] over the repeats. */
final class ResultTable {
  private ResultTable() {}

  static void print(List<FleetResult> results, PrintStream out) {
    out.println();
    out.println("Rollout (good version; ms from the deploy command)");
    out.println(
        "| boards (nRF) | answer | last MQTT board applied | last board applied | last board confirmed"
            + " | rollout_completed (every board confirmed) | outcome |");
    out.println("|---|---|---|---|---|---|---|");
    for (var r : results) {
      var t = r.rollouts();
      out.printf(
          "| %s | %s | %s | %s | %s | **%s** | %s |%n",
          fleet(r),
          stat(t, RolloutTiming::accepted),
          stat(t, RolloutTiming::mqttApplied),
          stat(t, RolloutTiming::allApplied),
          stat(t, RolloutTiming::allConfirmed),
          stat(t, RolloutTiming::completed),
          outcomes(t));
    }
    out.println();
    out.println("Threshold rollback (next version crashes a share of the boards; ms from deploy)");
    out.println(
        "| boards (nRF) | answer | rollback_started | rollback_completed | rollout_completed | outcome"
            + " | failed | applied |");
    out.println("|---|---|---|---|---|---|---|---|");
    for (var r : results) {
      var t = r.rollbacks();
      out.printf(
          "| %s | %s | %s | **%s** | %s | %s | %s | %s |%n",
          fleet(r),
          stat(t, RolloutTiming::accepted),
          stat(t, RolloutTiming::rollbackStarted),
          stat(t, RolloutTiming::rollbackCompleted),
          stat(t, RolloutTiming::completed),
          outcomes(t),
          stat(t, x -> x.failed()),
          stat(t, x -> x.applied()));
    }
    out.println();
    out.println(
        "JSON baseline (the ESP32/MQTT boards of the fleet only; ms from the first render to the last ack)");
    out.println(
        "| boards (MQTT) | JSON push + ack | EdgeConf last MQTT board applied | ratio"
            + " | EdgeConf every board confirmed | ratio |");
    out.println("|---|---|---|---|---|---|");
    for (var r : results) {
      if (r.baselines().isEmpty()) {
        continue;
      }
      double base = median(r.baselines(), JsonBaseline.Result::millis);
      double applied = median(r.rollouts(), RolloutTiming::mqttApplied);
      double done = median(r.rollouts(), RolloutTiming::completed);
      out.printf(
          "| %d | %s | %.0f | %.1f× | %.0f | %.1f× |%n",
          r.baselines().get(0).boards(),
          stat(r.baselines(), JsonBaseline.Result::millis),
          applied,
          applied / base,
          done,
          done / base);
    }
    out.println();
    out.println("Agent JVM (child; jcmd GC.heap_info, Thread.print, ps; GC log over the run)");
    out.println(
        "| boards (nRF) | agent | heap used idle / after rollout / after rollback (MiB) | GC log: peak"
            + " before GC / max after GC (MiB), pauses | platform threads | RSS (MiB) |");
    out.println("|---|---|---|---|---|---|");
    for (var r : results) {
      out.printf(
          "| %s | %s | %s / %s / %s | %s | %s | %s |%n",
          fleet(r),
          r.agent(),
          heap(r.idle()),
          heap(r.afterRollout()),
          heap(r.afterRollback()),
          r.gc()
              .map(
                  g ->
                      String.format(
                          "%.1f / %.1f, %d", g.peakBeforeMiB(), g.maxAfterMiB(), g.collections()))
              .orElse("—"),
          r.afterRollback().map(s -> Integer.toString(s.threads())).orElse("—"),
          r.afterRollback().map(s -> String.format("%.0f", s.rssMiB())).orElse("—"));
    }
  }

  private static String fleet(FleetResult r) {
    return r.boards() + " (" + r.nrf() + ")";
  }

  private static String heap(Optional<JvmProbe.Snapshot> s) {
    return s.map(x -> String.format("%.1f", x.usedMiB())).orElse("—");
  }

  private static String outcomes(List<RolloutTiming> t) {
    return String.join(", ", t.stream().map(RolloutTiming::outcome).distinct().toList());
  }

  static <T> double median(List<T> items, ToDoubleFunction<T> f) {
    double[] v = items.stream().mapToDouble(f).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** {@code median} or {@code median [min–max]}; {@code —} when an event never came. */
  static <T> String stat(List<T> items, ToDoubleFunction<T> f) {
    double[] v = items.stream().mapToDouble(f).toArray();
    if (v.length == 0 || Arrays.stream(v).anyMatch(x -> x < 0)) {
      return "—";
    }
    double m = median(items, f);
    if (v.length == 1) {
      return String.format("%.0f", m);
    }
    return String.format(
        "%.0f [%.0f–%.0f]",
        m, Arrays.stream(v).min().getAsDouble(), Arrays.stream(v).max().getAsDouble());
  }
}
