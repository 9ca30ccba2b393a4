package io.edgeconf.bridge.transport;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Named schedulers for tests. */
public final class TestThreads {
  private TestThreads() {}

  public static ScheduledExecutorService scheduler(String name, int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newScheduledThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
