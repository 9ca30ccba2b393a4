package io.edgeconf.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows one rollout on the gateway's events topic until {@code rollout_completed}: tells the
 * reporter about each board and moves the phase's progress bar. Not thread-safe.
 */
final class RolloutFollower {
  private final Management management;
  private final DemoReporter reporter;
  private final Set<String> applied = new LinkedHashSet<>();
  private final Set<String> confirmed = new LinkedHashSet<>();
  private final Map<String, String> failed = new LinkedHashMap<>();
  private boolean rollbackSeen;

  RolloutFollower(Management management, DemoReporter reporter) {
    this.management = management;
    this.reporter = reporter;
  }

  /**
   * Follows the rollout until it completes or the timeout passes.
   *
   * @throws InterruptedException when interrupted
   */
  RolloutEnd follow(String rolloutId, Duration timeout) throws InterruptedException {
    return follow(rolloutId, "rollout_completed", timeout);
  }

  /**
   * Follows until {@code endEvent} ({@code rollback_completed} ends an operator's rollback).
   *
   * @throws InterruptedException when interrupted
   */
  RolloutEnd follow(String rolloutId, String endEvent, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode e = management.nextEvent(Duration.ofMillis(250));
      if (e == null || !rolloutId.equals(e.path("rollout").asText())) {
        continue;
      }
      reporter.agentEvent(e);
      String type = e.path("event").asText();
      String device = e.path("device").asText();
      switch (type) {
        case "device_applied" -> {
          applied.add(device);
          reporter.detail(String.format("%-17s applied v%s", device, e.path("version").asText()));
        }
        case "device_confirmed" -> {
          confirmed.add(device);
          reporter.detail(String.format("%-17s confirmed healthy", device));
        }
        case "device_failed" -> {
          String cause = e.path("cause").asText("failed");
          failed.put(device, cause);
          reporter.detail(String.format("%-17s FAILED: %s", device, Causes.explain(cause)));
        }
        case "rollback_started" -> {
          rollbackSeen = true;
          reporter.detail(rollbackLine(e));
        }
        case "rollback_completed" -> reporter.detail("rollback complete");
        default -> {}
      }
      if (type.equals(endEvent)) {
        return new RolloutEnd(e.path("outcome").asText("completed"), applied, failed, rollbackSeen);
      }
      Set<String> done = new LinkedHashSet<>(confirmed.isEmpty() ? applied : confirmed);
      done.addAll(failed.keySet());
      reporter.progress(done.size(), failed.size());
    }
    return new RolloutEnd("timeout", applied, failed, rollbackSeen);
  }

  private static String rollbackLine(JsonNode e) {
    JsonNode causes = e.path("causes");
    if (!causes.isArray() || causes.isEmpty()) {
      return "the agent is ROLLING BACK: every board gets its previous image again";
    }
    List<String> list = new ArrayList<>();
    causes.forEach(c -> list.add(c.asText()));
    return "too many failures ("
        + String.join("; ", list)
        + "): the agent is ROLLING BACK every board that got the new version";
  }
}
