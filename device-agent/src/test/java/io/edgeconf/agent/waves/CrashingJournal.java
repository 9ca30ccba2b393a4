package io.edgeconf.agent.waves;

import java.time.Instant;

/**
 * A journal that "crashes the agent" right after its k-th step is durable: it kills the engine (its
 * timers, transport handle and listeners) and drops every later step, as a SIGKILL would.
 */
final class CrashingJournal implements RolloutJournal {
  private final RolloutJournal delegate;
  private final int crashAfter;
  private final Runnable crash;
  private int written;
  boolean crashed;

  CrashingJournal(RolloutJournal delegate, int crashAfter, Runnable crash) {
    this.delegate = delegate;
    this.crashAfter = crashAfter;
    this.crash = crash;
  }

  @Override
  public void started(RolloutPlan plan, Instant at) {
    delegate.started(plan, at);
    maybeCrash();
  }

  @Override
  public void append(JournalEntry entry) {
    if (crashed) {
      return;
    }
    delegate.append(entry);
    written++;
    maybeCrash();
  }

  private void maybeCrash() {
    if (!crashed && written == crashAfter) {
      crashed = true;
      crash.run();
    }
  }
}
