package io.edgeconf.bridge.transport.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.transport.TransportBusyException;
import io.edgeconf.bridge.transport.TransportClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outgoing queue with a scripted client in place of Paho. */
class PublishQueueTest {
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final List<PublishQueue.Outgoing> sent = new ArrayList<>();
  final List<Long> generations = new ArrayList<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  PublishQueue queue(int inflight, int max) {
    PublishQueue q = new PublishQueue(inflight, max, scheduler);
    q.sender(
        (m, gen) -> {
          synchronized (sent) {
            sent.add(m);
            generations.add(gen);
          }
        });
    return q;
  }

  @Test
  void nothingIsSentBeforeConnectingAndAtMostMaxInflightAfter() {
    PublishQueue q = queue(2, 10);
    for (int i = 0; i < 5; i++) {
      q.offer("t" + i, new byte[0], 1, true);
    }
    assertEquals(0, sent.size());
    q.connected();
    assertEquals(2, sent.size());
    q.sent(sent.get(0), generations.get(0));
    assertEquals(3, sent.size());
    assertEquals("t2", sent.get(2).topic);
  }

  @Test
  void aFullQueueIsBackpressureNotLoss() {
    PublishQueue q = queue(1, 2);
    q.offer("a", new byte[0], 1, true);
    q.offer("b", new byte[0], 1, true);
    CompletableFuture<Void> third = q.offer("c", new byte[0], 1, true);
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, third::get);
    assertTrue(e.getCause() instanceof TransportBusyException);
    assertEquals(2, q.queued());
  }

  @Test
  void aRefusedPublishGoesBackToTheFrontAndIsRetried() throws Exception {
    PublishQueue q = queue(1, 10);
    CompletableFuture<Void> a = q.offer("a", new byte[0], 1, true);
    q.offer("b", new byte[0], 1, true);
    q.connected();
    q.failed(sent.get(0), generations.get(0), new RuntimeException("32202"));
    // the retry comes from the scheduler after a short pause
    long until = System.currentTimeMillis() + 10_000;
    while (sent.size() < 2 && System.currentTimeMillis() < until) {
      Thread.onSpinWait();
    }
    assertEquals("a", sent.get(1).topic, "the refused one is sent again first");
    q.sent(sent.get(1), generations.get(1));
    a.get(5, TimeUnit.SECONDS);
    assertEquals(1, q.retries());
  }

  @Test
  void publishesInFlightWhenTheConnectionDropsAreSentAgain() throws Exception {
    PublishQueue q = queue(4, 10);
    CompletableFuture<Void> a = q.offer("a", new byte[0], 1, true);
    q.connected();
    q.disconnected();
    q.connected(); // a new generation
    assertEquals(2, sent.size());
    assertEquals("a", sent.get(1).topic);
    q.sent(sent.get(0), generations.get(0)); // the old PUBACK arrives late: fine
    a.get(5, TimeUnit.SECONDS);
    assertEquals(0, q.queued());
  }

  @Test
  void closingFailsWhatIsLeft() {
    PublishQueue q = queue(1, 10);
    CompletableFuture<Void> a = q.offer("a", new byte[0], 1, true);
    q.close();
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, a::get);
    assertTrue(e.getCause() instanceof TransportClosedException);
  }
}
