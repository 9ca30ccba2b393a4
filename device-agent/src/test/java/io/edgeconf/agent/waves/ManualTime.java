package io.edgeconf.agent.waves;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;

/**
 * A manual clock with a queue of timed tasks, shared by the {@link ManualScheduler}s of a test:
 * time moves only when the test advances it, and due tasks run in time order on the test's thread.
 */
final class ManualTime implements InstantSource {
  record Task(
      Instant at, long seq, ManualScheduler owner, Runnable action, ManualScheduler.Handle handle)
      implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private Instant now = Instant.parse("2025-01-01T00:00:00Z");
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private long seq;

  @Override
  public synchronized Instant instant() {
    return now;
  }

  synchronized void add(
      Instant at, ManualScheduler owner, Runnable action, ManualScheduler.Handle handle) {
    queue.add(new Task(at, seq++, owner, action, handle));
  }

  /** Runs what is due now, including what those tasks schedule for now. */
  void runDue() {
    advance(Duration.ZERO);
  }

  /** Moves time forward, running every task as its time comes. */
  void advance(Duration d) {
    Instant target;
    synchronized (this) {
      target = now.plus(d);
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.at().isAfter(target)) {
          now = target;
          return;
        }
        queue.poll();
        if (next.at().isAfter(now)) {
          now = next.at();
        }
      }
      if (!next.handle().isCancelled() && !next.owner().dead()) {
        next.handle().ran();
        next.action().run();
      }
    }
  }

  /** Advances in steps until the condition holds; fails after {@code max}. */
  void advanceUntil(java.util.function.BooleanSupplier done, Duration max) {
    Duration step = Duration.ofMillis(100);
    Duration spent = Duration.ZERO;
    runDue();
    while (!done.getAsBoolean()) {
      if (spent.compareTo(max) >= 0) {
        throw new AssertionError("condition not reached within " + max + " of manual time");
      }
      advance(step);
      spent = spent.plus(step);
    }
  }
}
