package io.edgeconf.agent.waves;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic {@link ScheduledExecutorService} on {@link ManualTime}: tasks run when the test
 * advances time. {@link #kill()} drops its pending and future tasks (an engine that crashed).
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final ManualTime time;
  private volatile boolean dead;

  ManualScheduler(ManualTime time) {
    this.time = time;
  }

  boolean dead() {
    return dead;
  }

  void kill() {
    dead = true;
  }

  /** A scheduled task's handle. */
  static final class Handle implements ScheduledFuture<Object> {
    private final ManualTime time;
    private final java.time.Instant at;
    private volatile boolean cancelled;
    private volatile boolean done;

    Handle(ManualTime time, java.time.Instant at) {
      this.time = time;
      this.at = at;
    }

    void ran() {
      done = true;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(time.instant(), at));
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done) {
        return false;
      }
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException("manual time: do not block");
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException("manual time: do not block");
    }
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    var at = time.instant().plus(Duration.of(Math.max(0, delay), unit.toChronoUnit()));
    Handle h = new Handle(time, at);
    if (!dead) {
      time.add(at, this, command, h);
    }
    return h;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.MILLISECONDS);
  }

  @Override
  public void shutdown() {
    dead = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    dead = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return dead;
  }

  @Override
  public boolean isTerminated() {
    return dead;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
