package io.edgeconf.bench;

import io.edgeconf.sim.internal.PahoExecutor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The threads of the baseline's scripted boards: one {@link PahoExecutor} (the simulator's) shared
 * by every Paho client — loops on virtual threads, keep-alive pings on one timer thread.
 */
final class PahoThreads implements AutoCloseable {
  private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final PahoExecutor executor = new PahoExecutor(runner, timer);

  PahoThreads() {
    timer.setRemoveOnCancelPolicy(true);
  }

  /** The executor to hand to each client (and its ping sender). */
  PahoExecutor executor() {
    return executor;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    runner.shutdownNow();
  }
}
