package io.edgeconf.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Draws a soak's deploys from a seed: for each, a rollout block (canary, max_failures, batch,
 * health window), faults on random boards (every fault kind of the simulator, plus power cuts) and
 * whether and when the agent is killed. The same seed and size give the same plan, so a failing
 * soak can be run again as it was.
 */
final class SoakPlan {
  /** Fault kinds and their weights. */
  private static final String[] KINDS = {
    "reject",
    "reject",
    "flash-fail",
    "no-ack",
    "no-ack",
    "crash-after-apply",
    "crash-after-apply",
    "unhealthy",
    "unhealthy",
    "power-cut",
    "power-cut",
    "offline",
    "offline",
    "slow",
    "slow",
    BoardFault.POWER_OFF,
    BoardFault.POWER_OFF
  };

  private static final String[] REASONS = {"range", "policy", "schema", "crc", "flash"};
  private static final int[] CANARY = {10, 20, 25, 50};
  private static final int[] MAX_FAILURES = {0, 10, 25, 50, 100};
  private static final String[] KILL_EVENTS = {
    "device_applied", "device_confirmed", "device_confirmed", "device_failed", "rollback_started"
  };

  private SoakPlan() {}

  /** The deploys of a soak over these boards, versions from {@code firstVersion} on. */
  static List<DeployStep> generate(long seed, SoakSize size, List<String> ids, long firstVersion) {
    Random r = new Random(seed);
    int n = ids.size();
    List<DeployStep> steps = new ArrayList<>();
    for (int i = 0; i < size.deploys(); i++) {
      var block = block(r, n);
      steps.add(new DeployStep(i + 1, firstVersion + i, block, faults(r, ids), kills(r, n, false)));
    }
    // At least minKills deploys kill the agent: add kills to random deploys without one.
    long killing = steps.stream().filter(s -> !s.kills().isEmpty()).count();
    while (killing < Math.min(size.minKills(), steps.size())) {
      int i = r.nextInt(steps.size());
      if (steps.get(i).kills().isEmpty()) {
        steps.set(i, steps.get(i).withKills(kills(r, n, true)));
        killing++;
      }
    }
    return steps;
  }

  private static RolloutBlock block(Random r, int boards) {
    // At most about ten waves, so that a small fleet's soak stays short.
    int[] batches = {0, Math.max(4, boards / 10), Math.max(1, boards / 4), Math.max(1, boards / 2)};
    return new RolloutBlock(
        CANARY[r.nextInt(CANARY.length)],
        MAX_FAILURES[r.nextInt(MAX_FAILURES.length)],
        batches[r.nextInt(batches.length)],
        2 + r.nextInt(2));
  }

  private static List<BoardFault> faults(Random r, List<String> ids) {
    if (r.nextInt(5) == 0) {
      return List.of(); // a clean deploy now and then
    }
    int max = Math.max(3, ids.size() / 12);
    List<String> pool = new ArrayList<>(ids);
    Collections.shuffle(pool, r);
    List<BoardFault> out = new ArrayList<>();
    int k = 1 + r.nextInt(max);
    for (String id : pool.subList(0, Math.min(k, pool.size()))) {
      out.add(fault(r, id));
    }
    return out;
  }

  private static BoardFault fault(Random r, String id) {
    String kind = KINDS[r.nextInt(KINDS.length)];
    return switch (kind) {
      case "reject" -> BoardFault.sim(id, "reject=" + REASONS[r.nextInt(REASONS.length)]);
      // Crashes, reboots (0.5 s) and reports its old image with a wide margin inside the health
      // window (2 s or more). A CoAP board back only after its window ends is settled on the new
      // image while it runs the old one, a gap of the engine this soak does not probe.
      case "crash-after-apply" ->
          BoardFault.sim(id, "crash-after-apply=" + (100 + r.nextInt(201)) + "ms");
      case "unhealthy" -> BoardFault.sim(id, "unhealthy=" + (500 + r.nextInt(2500)) + "ms");
      case "offline" -> BoardFault.sim(id, "offline=" + (500 + r.nextInt(2500)) + "ms");
      case "slow" -> BoardFault.sim(id, "slow=" + (100 + r.nextInt(2000)) + "ms");
      case BoardFault.POWER_OFF ->
          BoardFault.powerOff(id, Duration.ofMillis(1000 + r.nextInt(7000)));
      default -> BoardFault.sim(id, kind);
    };
  }

  private static List<KillPlan> kills(Random r, int boards, boolean force) {
    if (!force && r.nextInt(10) >= 3) {
      return List.of();
    }
    List<KillPlan> out = new ArrayList<>();
    out.add(kill(r, boards));
    if (r.nextInt(10) == 0) {
      out.add(kill(r, boards));
    }
    return out;
  }

  private static KillPlan kill(Random r, int boards) {
    long down = r.nextInt(2000);
    if (r.nextBoolean()) {
      return KillPlan.afterDelay(r.nextInt(6000), down);
    }
    String event = KILL_EVENTS[r.nextInt(KILL_EVENTS.length)];
    int n =
        event.equals("device_applied") || event.equals("device_confirmed")
            ? 1 + r.nextInt(Math.max(1, boards / 2))
            : 1 + r.nextInt(2);
    return KillPlan.onEvent(event, event.equals("rollback_started") ? 1 : n, down);
  }
}
