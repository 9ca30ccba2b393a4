package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.transport.internal.FloodGuard;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides when to read a board's retained {@code hello} again: when the board speaks (health, ack)
 * but its hello never arrived. A broker drops QoS 1 messages once a subscriber's queue is full, so
 * when a whole fleet boots at once some retained hellos are lost, and without a re-read those
 * boards would stay unknown until they reboot. Each board is retried at most once per {@link
 * #PER_BOARD}, and all boards together at most {@link #PER_SECOND} times a second, so a flood of
 * messages from made-up ids costs a bounded number of subscriptions. Confined to the transport's
 * event thread.
 */
final class HelloRecovery {
  static final Duration PER_BOARD = Duration.ofSeconds(30);
  static final double PER_SECOND = 20;

  private final Clock clock;
  private final Consumer<String> reread;
  private final FloodGuard overall;
  private final Map<String, Long> lastTried;

  /**
   * @param reread asks the broker for one board's retained hello again
   * @param maxBoards how many boards' last attempts are remembered (the oldest are forgotten)
   */
  HelloRecovery(Clock clock, Consumer<String> reread, int maxBoards) {
    this.clock = clock;
    this.reread = reread;
    this.overall = new FloodGuard(clock, PER_SECOND, 1);
    this.lastTried =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > maxBoards;
          }
        };
  }

  /** A message came from a board without a known hello: re-read its hello unless too soon. */
  void helloMissing(String id) {
    long now = clock.millis();
    Long last = lastTried.get(id);
    if (last != null && now - last < PER_BOARD.toMillis()) {
      return;
    }
    if (!overall.allow("all")) {
      return;
    }
    lastTried.put(id, now);
    reread.accept(id);
  }
}
