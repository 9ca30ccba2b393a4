package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.TransportBusyException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A cap on concurrent block-wise transfers with a bounded waiting line. Thread-safe; a granted task
 * runs on the thread that released the slot (or the caller's). A waiting task that is no longer
 * wanted gives its place up with {@link #withdraw}.
 */
final class TransferLimiter {
  private final int slots;
  private final int maxWaiting;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  private int active;

  TransferLimiter(int slots, int maxWaiting) {
    this.slots = slots;
    this.maxWaiting = maxWaiting;
  }

  /**
   * Runs the task now if a slot is free, else queues it.
   *
   * @throws TransportBusyException when the waiting line is full
   */
  void acquire(Runnable task) {
    synchronized (this) {
      if (active >= slots) {
        if (waiting.size() >= maxWaiting) {
          throw new TransportBusyException(
              "CoAP: "
                  + slots
                  + " transfers in progress and "
                  + maxWaiting
                  + " waiting; retry later");
        }
        waiting.addLast(task);
        return;
      }
      active++;
    }
    task.run();
  }

  /**
   * Takes a task out of the waiting line, freeing its place.
   *
   * @return false when it was not waiting (it got a slot, or was withdrawn before)
   */
  synchronized boolean withdraw(Runnable task) {
    // Identity, not equals: each push queues its own task. At most maxWaiting entries to scan.
    return waiting.removeIf(t -> t == task);
  }

  /** Frees a slot; the next waiting task, if any, takes it and runs. */
  void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null) {
        active--;
        return;
      }
    }
    next.run();
  }

  synchronized int active() {
    return active;
  }

  synchronized int waiting() {
    return waiting.size();
  }
}
