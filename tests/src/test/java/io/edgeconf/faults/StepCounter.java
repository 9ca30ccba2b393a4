package io.edgeconf.faults;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The {@code AgentStore.afterEachChange} hook of {@link KillPointAgent}: counts the committed store
 * changes of one deploy, rollout or rollback and freezes the agent right after the change chosen as
 * its kill point, so the parent can SIGKILL it there.
 *
 * <p>Counting starts once {@link #arm armed}, at the first change that opens an operation (the
 * deploy's {@code activate …} or the rollback's {@code roll … back to …}) and goes on until the
 * next {@code arm}. Counted: every change except the device registry's {@code store device …}
 * writes, whose number depends on when hellos and health reports arrive; what the registry stores
 * is derived from the journal and the boards' reports, so the journal steps cover it. Each counted
 * change is printed as {@code change N <description>}; at the kill point {@code frozen N
 * <description>} follows and the calling thread (which holds the store's lock) blocks forever, so
 * no later change can commit.
 *
 * <p>Thread-safe: the store calls it under its lock; {@link #arm} may come from any thread.
 */
final class StepCounter implements Consumer<String> {
  private final PrintStream out;
  private int killAt = -1;
  private boolean counting;
  private int n;

  StepCounter(PrintStream out) {
    this.out = out;
  }

  /**
   * Counts the next operation's changes and freezes at change {@code killAt} (0: count only; -1:
   * stop counting). Prints {@code armed K}.
   */
  synchronized void arm(int killAt) {
    this.killAt = killAt;
    this.counting = false;
    this.n = 0;
    print("armed " + killAt);
  }

  @Override
  public void accept(String description) {
    synchronized (this) {
      if (killAt < 0 || description.startsWith("store device ")) {
        return;
      }
      if (!counting && !opensOperation(description)) {
        return;
      }
      counting = true;
      n++;
      print("change " + n + " " + description);
      if (n != killAt) {
        return;
      }
      print("frozen " + n + " " + description);
    }
    freeze();
  }

  private static boolean opensOperation(String description) {
    return description.startsWith("activate ") || description.startsWith("roll ");
  }

  private void print(String line) {
    out.println(line);
    out.flush();
  }

  /** Blocks the store's caller until the parent kills the process. */
  private static void freeze() {
    var never = new CountDownLatch(1);
    while (true) {
      try {
        never.await();
      } catch (InterruptedException e) {
        // Frozen means frozen: an interrupt must not let the change's caller go on.
      }
    }
  }
}
