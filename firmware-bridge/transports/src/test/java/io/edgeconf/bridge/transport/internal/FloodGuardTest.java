package io.edgeconf.bridge.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.transport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FloodGuardTest {
  @Test
  void allowsABurstOfTwiceTheRateThenRefillsSteadily() {
    MutableClock clock = new MutableClock(Instant.EPOCH);
    FloodGuard g = new FloodGuard(clock, 10, 100);
    int allowed = 0;
    for (int i = 0; i < 50; i++) {
      if (g.allow("a")) {
        allowed++;
      }
    }
    assertEquals(20, allowed);
    assertTrue(g.allow("b"), "sources are independent");
    clock.advance(Duration.ofMillis(100));
    assertTrue(g.allow("a"));
    assertFalse(g.allow("a"));
  }

  @Test
  void theTableOfSourcesIsBounded() {
    FloodGuard g = new FloodGuard(new MutableClock(Instant.EPOCH), 1, 10);
    for (int i = 0; i < 1000; i++) {
      g.allow("s" + i);
    }
    assertEquals(10, g.size());
  }
}
