package io.edgeconf.bridge.transport.internal;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: the transports' event
 * thread. A task that throws is logged; the next one runs anyway.
 */
public final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor delegate;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean shutdown;

  public SerialExecutor(Executor delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    if (shutdown) {
      throw new RejectedExecutionException("serial executor is shut down");
    }
    tasks.add(task);
    pending.incrementAndGet();
    schedule();
  }

  /** Tasks submitted and not yet finished. */
  public int pending() {
    return pending.get();
  }

  /** Refuses new tasks; queued ones still run. */
  public void shutdown() {
    shutdown = true;
  }

  private void schedule() {
    if (running.compareAndSet(false, true)) {
      try {
        delegate.execute(this::drain);
      } catch (RejectedExecutionException e) {
        running.set(false);
        LOG.debug("event executor refused work: {}", e.toString());
      }
    }
  }

  private void drain() {
    int budget = 256; // then yield the shared thread to others
    try {
      Runnable task;
      while (budget-- > 0 && (task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          LOG.error("event task failed", e);
        } finally {
          pending.decrementAndGet();
        }
      }
    } finally {
      running.set(false);
      if (!tasks.isEmpty()) {
        schedule();
      }
    }
  }
}
