package io.edgeconf.sim.internal;

import io.edgeconf.bridge.transport.internal.SerialExecutor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread the simulator uses, shared by all boards so that 1000 boards cost a handful of
 * platform threads: a timer (health ticks, delays, reconnects), a worker pool (each board's serial
 * work, Paho's loops, UDP receivers), and Californium's two executors. Workers are virtual threads
 * on JDK 24 and later (where blocking in {@code synchronized} no longer pins a carrier); on older
 * JDKs a cached pool of platform threads. Thread-safe.
 */
public final class SimThreads implements AutoCloseable {
  private final ScheduledThreadPoolExecutor timer;
  private final ExecutorService workers;
  private final ThreadFactory workerFactory;
  private final ScheduledExecutorService coapMain;
  private final ScheduledExecutorService coapSecondary;
  private final PahoExecutor paho;

  public SimThreads() {
    timer = new ScheduledThreadPoolExecutor(2, named("sim-timer-", true));
    timer.setRemoveOnCancelPolicy(true);
    if (Runtime.version().feature() >= 24) {
      workerFactory = Thread.ofVirtual().name("sim-worker-", 0).factory();
      workers = Executors.newThreadPerTaskExecutor(workerFactory);
    } else {
      workerFactory = named("sim-worker-", true);
      workers = Executors.newCachedThreadPool(workerFactory);
    }
    coapMain = Executors.newScheduledThreadPool(2, named("sim-coap-", true));
    coapSecondary = Executors.newSingleThreadScheduledExecutor(named("sim-coap-timer-", true));
    paho = new PahoExecutor(workers, timer);
  }

  private static ThreadFactory named(String prefix, boolean daemon) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(daemon);
      return t;
    };
  }

  /** Delays and periodic ticks; tasks must be short (hand work to a board's serial executor). */
  public ScheduledExecutorService timer() {
    return timer;
  }

  /** Runs blocking work; one thread per task. */
  public ExecutorService workers() {
    return workers;
  }

  /** Makes threads for long-running loops (UDP receivers). */
  public ThreadFactory workerFactory() {
    return workerFactory;
  }

  /** A new serial executor for one board. */
  public SerialExecutor serial() {
    return new SerialExecutor(workers);
  }

  public ScheduledExecutorService coapMain() {
    return coapMain;
  }

  public ScheduledExecutorService coapSecondary() {
    return coapSecondary;
  }

  /** The executor for Paho clients. */
  public ScheduledExecutorService paho() {
    return paho;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    coapMain.shutdownNow();
    coapSecondary.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
