package io.edgeconf.bridge.transport.internal;

import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.BadInputCounters;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts ignored input by cause and logs each cause at most once per {@link #LOG_PERIOD}, with the
 * number of occurrences not logged since. Thread-safe.
 */
public final class BadInputLog implements BadInputCounters {
  /** At most one log line per cause per period. */
  public static final Duration LOG_PERIOD = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(BadInputLog.class);
  private static final BadInput[] CAUSES = BadInput.values();

  private final String transport;
  private final InstantSource clock;
  private final AtomicLongArray counts = new AtomicLongArray(CAUSES.length);
  private final AtomicLongArray lastLogged = new AtomicLongArray(CAUSES.length);
  private final AtomicLongArray unlogged = new AtomicLongArray(CAUSES.length);
  private final AtomicLong logLines = new AtomicLong();

  public BadInputLog(String transport, InstantSource clock) {
    this.transport = transport;
    this.clock = clock;
    for (int i = 0; i < CAUSES.length; i++) {
      lastLogged.set(i, Long.MIN_VALUE);
    }
  }

  /** Counts one occurrence; logs it unless this cause was logged less than a period ago. */
  public void report(BadInput cause, String source, String detail) {
    int i = cause.ordinal();
    counts.incrementAndGet(i);
    long now = clock.millis();
    long last = lastLogged.get(i);
    if ((last == Long.MIN_VALUE || now - last >= LOG_PERIOD.toMillis())
        && lastLogged.compareAndSet(i, last, now)) {
      long suppressed = unlogged.getAndSet(i, 0);
      logLines.incrementAndGet();
      LOG.warn(
          "{}: ignored {} from {}: {}{}",
          transport,
          cause.name().toLowerCase(java.util.Locale.ROOT),
          source,
          detail,
          suppressed > 0 ? " (and " + suppressed + " more since the last report)" : "");
    } else {
      unlogged.incrementAndGet(i);
    }
  }

  @Override
  public long count(BadInput cause) {
    return counts.get(cause.ordinal());
  }

  @Override
  public Map<BadInput, Long> snapshot() {
    Map<BadInput, Long> out = new EnumMap<>(BadInput.class);
    for (BadInput cause : CAUSES) {
      long n = counts.get(cause.ordinal());
      if (n > 0) {
        out.put(cause, n);
      }
    }
    return out;
  }

  /** Log lines written so far (for tests of the rate limit). */
  public long logLines() {
    return logLines.get();
  }
}
