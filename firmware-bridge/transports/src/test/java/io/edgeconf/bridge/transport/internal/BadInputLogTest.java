package io.edgeconf.bridge.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadInputLogTest {
  @Test
  void countsEveryOccurrenceAndLogsEachCauseOncePerMinute() {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    BadInputLog log = new BadInputLog("test", clock);
    for (int i = 0; i < 100; i++) {
      log.report(BadInput.ACK_MALFORMED, "b1", "x");
    }
    log.report(BadInput.FLOOD, "b1", "x");
    assertEquals(100, log.count(BadInput.ACK_MALFORMED));
    assertEquals(2, log.logLines());
    clock.advance(Duration.ofSeconds(59));
    log.report(BadInput.ACK_MALFORMED, "b1", "x");
    assertEquals(2, log.logLines());
    clock.advance(Duration.ofSeconds(1));
    log.report(BadInput.ACK_MALFORMED, "b1", "x");
    assertEquals(3, log.logLines());
    assertEquals(Map.of(BadInput.ACK_MALFORMED, 102L, BadInput.FLOOD, 1L), log.snapshot());
    assertEquals(103, log.total());
  }
}
