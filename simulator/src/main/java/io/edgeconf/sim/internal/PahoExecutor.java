package io.edgeconf.sim.internal;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The executor handed to every Paho client. Paho runs its receiver, sender and callback loops as
 * long-lived tasks on it, so plain tasks go to a thread-per-task runner (virtual threads where they
 * fit); timed tasks (keep-alive pings) go to the shared timer. Shutting it down is the owner's
 * business ({@link SimThreads}): the shutdown methods here do nothing, so one client cannot stop
 * the others'.
 */
public final class PahoExecutor extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final ExecutorService runner;
  private final ScheduledExecutorService timer;

  public PahoExecutor(ExecutorService runner, ScheduledExecutorService timer) {
    this.runner = runner;
    this.timer = timer;
  }

  @Override
  public void execute(Runnable command) {
    runner.execute(command);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return timer.schedule(command, delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return timer.schedule(callable, delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return timer.scheduleAtFixedRate(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return timer.scheduleWithFixedDelay(command, initialDelay, delay, unit);
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return runner.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return runner.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
