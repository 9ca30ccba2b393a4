package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.TransportClosedException;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import io.edgeconf.bridge.transport.internal.PendingPush;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing side: pushes, desired images and their republishing, each a retained QoS 1 publish
 * of the image on the board's {@code cfg} topic through the {@link PublishQueue}; a push is then
 * tracked by {@link MqttBoardState} until its ack or its deadline. Called from any thread; the work
 * runs on the event thread, where {@link #resume} and {@link #failPending} are called too.
 */
final class ImagePublisher {
  // The transport's logger, so that log lines keep the logger name they always had.
  private static final Logger LOG = LoggerFactory.getLogger(MqttBoardTransport.class);

  private final MqttEvents events;
  private final MqttConnection connection;
  private final MqttBoardState state;
  private final PublishQueue queue;
  private final MqttTopics topics;
  private final ScheduledExecutorService scheduler;

  ImagePublisher(
      MqttEvents events,
      MqttConnection connection,
      MqttBoardState state,
      PublishQueue queue,
      MqttTopics topics,
      ScheduledExecutorService scheduler) {
    this.events = events;
    this.connection = connection;
    this.state = state;
    this.queue = queue;
    this.topics = topics;
    this.scheduler = scheduler;
  }

  /** Publishes a checked image (the caller's copy) and waits for the board's ack. */
  CompletionStage<PushResult> push(
      String deviceId, ImageInfo info, byte[] image, Duration deadline) {
    CompletableFuture<PushResult> result = new CompletableFuture<>();
    onEvents(
        result,
        () -> {
          if (state.board(deviceId).isEmpty()) {
            result.complete(
                PushResult.of(
                    deviceId,
                    PushStatus.UNREACHABLE,
                    info.version(),
                    info.crc(),
                    "board never announced itself"));
            return;
          }
          PendingPush p = state.beginPush(deviceId, image, info);
          p.future()
              .whenComplete(
                  (r, e) -> {
                    if (e != null) {
                      result.completeExceptionally(e);
                    } else {
                      result.complete(r);
                    }
                  });
          p.deadlineTimer(
              scheduler.schedule(
                  () -> events.run(() -> state.deadline(p)),
                  deadline.toMillis(),
                  TimeUnit.MILLISECONDS));
          queue
              .offer(cfgTopic(deviceId), image, 1, true)
              .whenComplete(
                  (v, e) -> {
                    if (e != null) {
                      events.run(
                          () -> {
                            state.forget(p);
                            p.fail(e);
                          });
                    }
                  });
        });
    return result;
  }

  /** Publishes a checked image (the caller's copy) as the board's desired config. */
  CompletionStage<Void> setDesired(String deviceId, ImageInfo info, byte[] image) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    onEvents(
        result,
        () -> {
          state.setDesired(deviceId, image, info);
          relay(queue.offer(cfgTopic(deviceId), image, 1, true), result);
        });
    return result;
  }

  /** Clears the board's retained desired config. */
  CompletionStage<Void> clearDesired(String deviceId) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    onEvents(
        result,
        () -> {
          state.clearDesired(deviceId);
          relay(queue.offer(cfgTopic(deviceId), new byte[0], 1, true), result);
        });
    return result;
  }

  /** Publishes every desired image again. */
  CompletionStage<Void> republishDesired() {
    CompletableFuture<Void> result = new CompletableFuture<>();
    onEvents(
        result,
        () -> {
          Map<String, byte[]> all = state.desiredImages();
          List<CompletableFuture<Void>> sends = new ArrayList<>();
          all.forEach((id, image) -> sends.add(queue.offer(cfgTopic(id), image, 1, true)));
          relay(CompletableFuture.allOf(sends.toArray(new CompletableFuture<?>[0])), result);
          LOG.info("republishing {} desired images", all.size());
        });
    return result;
  }

  /** Once subscribed after a (re)connection, on the event thread: lets the queue publish again. */
  void resume(boolean reconnect) {
    // Pushes still waiting for an ack publish their image again: the broker may have lost
    // it (restart without persistence) and boards re-ack an image they already run.
    if (reconnect) {
      state.pendingImages().forEach((id, image) -> queue.offer(cfgTopic(id), image, 1, true));
    }
    queue.connected();
  }

  /** Fails every push still waiting for an ack (on close, on the event thread). */
  void failPending() {
    state
        .drainPending()
        .forEach(p -> p.fail(new TransportClosedException("MQTT transport closed")));
  }

  private String cfgTopic(String id) {
    return topics.topic(id, MqttTopics.Kind.CFG);
  }

  private static <T> void relay(CompletableFuture<T> from, CompletableFuture<Void> to) {
    from.whenComplete(
        (v, e) -> {
          if (e != null) {
            to.completeExceptionally(e);
          } else {
            to.complete(null);
          }
        });
  }

  /** Runs a task on the event thread; false (and the future failed) when closed. */
  private boolean onEvents(CompletableFuture<?> future, Runnable task) {
    if (connection.closed()) {
      future.completeExceptionally(new TransportClosedException("MQTT transport is closed"));
      return false;
    }
    try {
      events.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new TransportClosedException("MQTT transport is closed"));
      return false;
    }
  }
}
