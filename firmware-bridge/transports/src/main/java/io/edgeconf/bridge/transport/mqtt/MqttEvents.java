package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.transport.internal.SerialExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the MQTT transport's work runs: its serial event thread (the one {@link MqttBoardState} is
 * confined to) and the shared scheduler that takes work off Paho's threads. Thread-safe.
 */
final class MqttEvents {
  // The transport's logger, so that log lines keep the logger name they always had.
  private static final Logger LOG = LoggerFactory.getLogger(MqttBoardTransport.class);

  private final ScheduledExecutorService scheduler;
  private final SerialExecutor serial;

  MqttEvents(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
    this.serial = new SerialExecutor(scheduler);
  }

  /**
   * Runs the task on the event thread.
   *
   * @throws RejectedExecutionException after {@link #shutdown}
   */
  void execute(Runnable task) {
    serial.execute(task);
  }

  /** Runs the task on the event thread, or drops it after {@link #shutdown}. */
  void run(Runnable task) {
    try {
      serial.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("event dropped after close");
    }
  }

  /** Runs the task on the scheduler after a delay (not on the event thread); dropped if refused. */
  void scheduleQuietly(Runnable task, long delayMs) {
    try {
      scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("scheduler refused work: {}", e.toString());
    }
  }

  /** Tasks submitted to the event thread and not yet finished. */
  int pending() {
    return serial.pending();
  }

  /** Refuses new event tasks; queued ones still run. */
  void shutdown() {
    serial.shutdown();
  }
}
