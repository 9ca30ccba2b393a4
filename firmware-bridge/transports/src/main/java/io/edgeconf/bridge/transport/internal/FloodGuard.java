package io.edgeconf.bridge.transport.internal;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per source (a device id or a peer address), refilled at a steady rate with a burst
 * of twice the rate. The table of sources is bounded: the least recently seen is forgotten, so a
 * flood of fake sources costs memory once, not per source. Thread-safe.
 */
public final class FloodGuard {
  private final InstantSource clock;
  private final double perSecond;
  private final double burst;
  private final Map<String, double[]> buckets;

  public FloodGuard(InstantSource clock, double perSecond, int maxSources) {
    this.clock = clock;
    this.perSecond = perSecond;
    this.burst = Math.max(1, perSecond * 2);
    this.buckets =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > maxSources;
          }
        };
  }

  /** Takes one token for this source; false when it has none left (a flood). */
  public synchronized boolean allow(String source) {
    long now = clock.millis();
    double[] b = buckets.get(source);
    if (b == null) {
      buckets.put(source, new double[] {burst - 1, now});
      return true;
    }
    double tokens = Math.min(burst, b[0] + (now - b[1]) * perSecond / 1000.0);
    b[1] = now;
    if (tokens < 1) {
      b[0] = tokens;
      return false;
    }
    b[0] = tokens - 1;
    return true;
  }

  /** Sources currently tracked. */
  public synchronized int size() {
    return buckets.size();
  }
}
