package io.edgeconf.bridge.transport.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.transport.TransportBusyException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slots, the waiting line, and places given up. */
class TransferLimiterTest {
  final TransferLimiter limiter = new TransferLimiter(1, 2);
  final List<String> ran = new ArrayList<>();

  Runnable task(String name) {
    return () -> ran.add(name);
  }

  @Test
  void tasksWaitInOrderUntilTheLineIsFull() {
    limiter.acquire(task("a"));
    limiter.acquire(task("b"));
    limiter.acquire(task("c"));
    assertThrows(TransportBusyException.class, () -> limiter.acquire(task("d")));
    assertEquals(List.of("a"), ran);
    limiter.release();
    limiter.release();
    assertEquals(List.of("a", "b", "c"), ran);
    limiter.release();
    assertEquals(0, limiter.active());
  }

  @Test
  void aWithdrawnTaskFreesItsPlaceAndNeverRuns() {
    Runnable b = task("b");
    limiter.acquire(task("a"));
    limiter.acquire(b);
    limiter.acquire(task("c"));
    assertTrue(limiter.withdraw(b));
    assertFalse(limiter.withdraw(b), "only once");
    assertEquals(1, limiter.waiting());
    limiter.acquire(task("d")); // takes the place b gave up
    limiter.release();
    limiter.release();
    assertEquals(List.of("a", "c", "d"), ran);
  }

  @Test
  void aTaskThatGotItsSlotCannotBeWithdrawn() {
    Runnable a = task("a");
    limiter.acquire(a);
    assertFalse(limiter.withdraw(a));
    assertEquals(1, limiter.active());
  }
}
