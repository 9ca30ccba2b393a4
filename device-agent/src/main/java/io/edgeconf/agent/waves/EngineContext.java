package io.edgeconf.agent.waves;

import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.internal.SerialExecutor;
import io.edgeconf.hardware.GatewayHardware;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every run of an engine shares: its ports, timing and serial executor. */
record EngineContext(
    BoardTransport transport,
    Optional<GatewayHardware> hardware,
    RolloutJournal journal,
    RolloutObserver observer,
    EngineSettings settings,
    ScheduledExecutorService scheduler,
    InstantSource clock,
    SerialExecutor serial) {
  private static final Logger LOG = LoggerFactory.getLogger(EngineContext.class);

  Instant now() {
    return clock.instant();
  }

  /** Runs a task on the serial executor after a delay (at once when it is not positive). */
  Future<?> after(Duration delay, Runnable task) {
    long ms = Math.max(0, delay.toMillis());
    return scheduler.schedule(() -> serial.execute(task), ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the transport knows the board at all (after a restart, a CoAP board is unknown until it
   * registers again).
   */
  boolean known(DevicePlan device) {
    return transport.board(device.deviceId()).isPresent();
  }

  /**
   * Whether the transport knows the board as online now; the plan's flag when it does not know it.
   */
  boolean online(DevicePlan device) {
    return transport.board(device.deviceId()).map(BoardInfo::online).orElse(device.online());
  }

  void event(RolloutEvent event) {
    try {
      observer.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("rollout observer failed on {}: {}", event.type().wireName(), e.toString());
    }
  }

  void progress(RolloutProgress progress) {
    try {
      observer.onProgress(progress);
    } catch (RuntimeException e) {
      LOG.warn("rollout observer failed on progress: {}", e.toString());
    }
  }
}
