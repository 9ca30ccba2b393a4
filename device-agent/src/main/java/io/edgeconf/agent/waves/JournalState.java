package io.edgeconf.agent.waves;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rollout's journal: its plan and its steps in order. This is what the store persists (as JSON
 * through {@link JournalJson}, or as a plan plus rows of steps) and what {@link
 * RolloutEngine#resume} continues from. Immutable.
 *
 * @param plan the plan it started with
 * @param startedAt when it started
 * @param entries its steps, oldest first, each of this rollout
 */
public record JournalState(RolloutPlan plan, Instant startedAt, List<JournalEntry> entries) {
  public JournalState {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(startedAt, "startedAt");
    entries = List.copyOf(entries);
    var ids = new java.util.HashSet<String>();
    plan.devices().forEach(d -> ids.add(d.deviceId()));
    for (JournalEntry e : entries) {
      if (!e.rolloutId().equals(plan.rolloutId())) {
        throw new IllegalArgumentException(
            "entry of rollout " + e.rolloutId() + " in the journal of " + plan.rolloutId());
      }
      if (e.deviceId().isPresent() && !ids.contains(e.deviceId().get())) {
        throw new IllegalArgumentException(
            "entry for device " + e.deviceId().get() + ", which the plan does not have");
      }
    }
  }

  /** A journal with no steps yet. */
  public static JournalState started(RolloutPlan plan, Instant at) {
    return new JournalState(plan, at, List.of());
  }

  /** This journal with one more step. */
  public JournalState with(JournalEntry entry) {
    var more = new ArrayList<>(entries);
    more.add(entry);
    return new JournalState(plan, startedAt, more);
  }

  /** The outcome, once the rollout has completed. */
  public Optional<Outcome> outcome() {
    return Ledger.replay(this).outcome;
  }

  /**
   * The result as the rollout's completion gave it (its steps up to {@code rollout_completed}), or
   * as far as it got when it has not completed.
   */
  public RolloutResult result() {
    List<JournalEntry> upToCompletion = new ArrayList<>();
    for (JournalEntry e : entries) {
      upToCompletion.add(e);
      if (e.type() == JournalEntry.Type.ROLLOUT_COMPLETED) {
        break;
      }
    }
    return Results.of(Ledger.replay0(plan, upToCompletion));
  }

  /**
   * Whether an engine must resume this rollout after a restart: it has not completed, or it
   * completed with boards that are still to converge (offline when it ended). Once false, the store
   * may archive it.
   */
  public boolean needsResume() {
    Ledger ledger = Ledger.replay(this);
    return !ledger.completed() || !ledger.allFinal();
  }
}
