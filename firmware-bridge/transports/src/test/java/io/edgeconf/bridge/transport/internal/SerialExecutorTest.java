package io.edgeconf.bridge.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
  @Test
  void runsTasksInOrderOneAtATimeAndSurvivesAFailingTask() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    SerialExecutor serial = new SerialExecutor(pool);
    List<Integer> seen = new ArrayList<>(); // unsynchronized on purpose: tasks never overlap
    for (int i = 0; i < 2000; i++) {
      int n = i;
      serial.execute(
          () -> {
            if (n == 10) {
              throw new IllegalStateException("boom");
            }
            seen.add(n);
          });
    }
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    serial.execute(done::countDown);
    done.await(30, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(1999, seen.size());
    for (int i = 1; i < seen.size(); i++) {
      assertEquals(true, seen.get(i) > seen.get(i - 1));
    }
  }
}
