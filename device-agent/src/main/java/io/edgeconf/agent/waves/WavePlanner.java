package io.edgeconf.agent.waves;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Forms a rollout's waves from its plan, deterministically (resume forms the same ones). Wave 0 is
 * the canary: the policy's canary percent of the boards, at least one, and at least one online
 * board of every board type (hence every transport) that has one online; online boards are chosen
 * first, then by id. The rest follow in batches of {@code batch} boards (all at once when 0). An
 * operator's rollback is one wave.
 */
final class WavePlanner {
  private WavePlanner() {}

  static List<List<String>> waves(RolloutPlan plan) {
    List<DevicePlan> sorted = new ArrayList<>(plan.devices());
    sorted.sort(
        Comparator.comparing((DevicePlan d) -> !d.online()).thenComparing(DevicePlan::deviceId));
    if (sorted.isEmpty()) {
      return List.of();
    }
    if (plan.kind() == RolloutKind.ROLLBACK) {
      return List.of(sorted.stream().map(DevicePlan::deviceId).toList());
    }
    int n = sorted.size();
    int wanted = (int) Math.ceil(n * plan.settings().canaryPct() / 100.0 - 1e-9);
    wanted = Math.max(1, Math.min(n, wanted));
    Set<String> canary = new LinkedHashSet<>();
    Set<String> boardsCovered = new java.util.HashSet<>();
    sorted.stream()
        .filter(DevicePlan::online)
        .sorted(Comparator.comparing(DevicePlan::board).thenComparing(DevicePlan::deviceId))
        .forEach(
            d -> {
              if (boardsCovered.add(d.board())) {
                canary.add(d.deviceId());
              }
            });
    for (DevicePlan d : sorted) {
      if (canary.size() >= wanted) {
        break;
      }
      canary.add(d.deviceId());
    }
    List<List<String>> waves = new ArrayList<>();
    waves.add(List.copyOf(canary));
    List<String> rest =
        sorted.stream().map(DevicePlan::deviceId).filter(id -> !canary.contains(id)).toList();
    int batch = plan.settings().batch() > 0 ? plan.settings().batch() : Math.max(1, rest.size());
    for (int i = 0; i < rest.size(); i += batch) {
      waves.add(List.copyOf(rest.subList(i, Math.min(rest.size(), i + batch))));
    }
    return List.copyOf(waves);
  }
}
