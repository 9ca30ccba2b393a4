package io.edgeconf.agent.waves;

import java.time.Instant;

/**
 * Where the engine makes a rollout durable; the agent maps it onto its store. Each call returns
 * only once the step is durable (one transaction). The steps of one rollout, in order, replayed
 * onto its plan, are its {@link JournalState}, from which {@link RolloutEngine#resume} continues.
 *
 * <p>Called from the engine's serial executor, one call at a time. An exception thrown here is
 * logged and the rollout goes on (stopping would leave boards on images nobody decided).
 */
public interface RolloutJournal {
  /** A rollout starts with this plan; no board has been touched yet. */
  void started(RolloutPlan plan, Instant at);

  /** Appends one step to the rollout {@link JournalEntry#rolloutId()} names. */
  void append(JournalEntry entry);
}
