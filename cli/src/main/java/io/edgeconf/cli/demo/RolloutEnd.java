package io.edgeconf.cli.demo;

import java.util.Map;
import java.util.Set;

/**
 * How one rollout the demo followed ended. Immutable.
 *
 * @param outcome the agent's outcome ({@code completed}, {@code succeeded}, {@code rolled_back},
 *     {@code failed}), or {@code timeout} when it did not end in time
 * @param applied the boards that acked the new image
 * @param failed the boards that failed, with the cause
 * @param rollbackSeen whether the agent announced a rollback of this rollout
 */
record RolloutEnd(
    String outcome, Set<String> applied, Map<String, String> failed, boolean rollbackSeen) {
  RolloutEnd {
    if (outcome == null || outcome.isBlank()) {
      throw new IllegalArgumentException("an outcome is required");
    }
    applied = Set.copyOf(applied);
    failed = Map.copyOf(failed);
  }

  /** Whether the agent took the rollout back by itself. */
  boolean rolledBack() {
    return rollbackSeen || outcome.equals("rolled_back");
  }

  /** Whether it ended with every board on the new image. */
  boolean succeeded() {
    return (outcome.equals("completed") || outcome.equals("succeeded")) && failed.isEmpty();
  }
}
