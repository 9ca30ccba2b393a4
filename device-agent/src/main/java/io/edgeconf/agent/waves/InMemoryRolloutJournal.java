package io.edgeconf.agent.waves;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A journal in memory, for tests and for an agent without a store. Thread-safe. */
public final class InMemoryRolloutJournal implements RolloutJournal {
  private record Rollout(RolloutPlan plan, Instant startedAt, List<JournalEntry> entries) {}

  private final Map<String, Rollout> rollouts = new LinkedHashMap<>();

  @Override
  public synchronized void started(RolloutPlan plan, Instant at) {
    if (rollouts.containsKey(plan.rolloutId())) {
      throw new IllegalStateException("rollout " + plan.rolloutId() + " is already journaled");
    }
    rollouts.put(plan.rolloutId(), new Rollout(plan, at, new ArrayList<>()));
  }

  @Override
  public synchronized void append(JournalEntry entry) {
    Rollout r = rollouts.get(entry.rolloutId());
    if (r == null) {
      throw new IllegalStateException("rollout " + entry.rolloutId() + " was never started");
    }
    r.entries().add(entry);
  }

  /** The journal of a rollout. */
  public synchronized Optional<JournalState> state(String rolloutId) {
    return Optional.ofNullable(rollouts.get(rolloutId))
        .map(r -> new JournalState(r.plan(), r.startedAt(), r.entries()));
  }

  /** Every journaled rollout, oldest first. */
  public synchronized List<JournalState> states() {
    return rollouts.values().stream()
        .map(r -> new JournalState(r.plan(), r.startedAt(), r.entries()))
        .toList();
  }

  /** The number of steps of a rollout (0 when unknown). */
  public synchronized int size(String rolloutId) {
    Rollout r = rollouts.get(rolloutId);
    return r == null ? 0 : r.entries().size();
  }
}
