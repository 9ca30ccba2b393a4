package io.edgeconf.agent;

import io.edgeconf.agent.policy.PolicyService;
import io.edgeconf.bridge.transport.BoardTransport;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes the journaled rollouts of a restarted agent once the board transport is connected and
 * knows the journaled boards again (retained {@code hello}s over MQTT, registrations over CoAP), or
 * after a settle time: a board the transport does not know yet would otherwise count as offline
 * when its push is resumed. Polls on the scheduler; never blocks.
 */
final class Resumer {
  private static final Logger log = LoggerFactory.getLogger(Resumer.class);
  private static final long POLL_MS = 100;

  private final PolicyService service;
  private final BoardTransport transport;
  private final ScheduledExecutorService scheduler;
  private final InstantSource clock;
  private final Duration settle;

  Resumer(
      PolicyService service,
      BoardTransport transport,
      ScheduledExecutorService scheduler,
      InstantSource clock,
      Duration settle) {
    this.service = service;
    this.transport = transport;
    this.scheduler = scheduler;
    this.clock = clock;
    this.settle = settle;
  }

  void start(Set<String> boards) {
    if (boards.isEmpty()) {
      service.resume();
      return;
    }
    Instant deadline = clock.instant().plus(settle);
    scheduler.execute(() -> poll(boards, deadline));
  }

  private void poll(Set<String> boards, Instant deadline) {
    long unknown = boards.stream().filter(id -> transport.board(id).isEmpty()).count();
    boolean late = clock.instant().isAfter(deadline);
    if (transport.ready() && unknown == 0 || late) {
      if (unknown > 0) {
        log.warn("resuming with {} journaled board(s) not seen again yet", unknown);
      }
      try {
        service.resume();
      } catch (RuntimeException e) {
        log.error("cannot resume the journaled rollouts: {}", e.toString());
      }
      return;
    }
    scheduler.schedule(() -> poll(boards, deadline), POLL_MS, TimeUnit.MILLISECONDS);
  }
}
