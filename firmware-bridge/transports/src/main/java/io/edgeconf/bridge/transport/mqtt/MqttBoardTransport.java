package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.transport.BadInputCounters;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.BoardListener;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.RebootResult;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import io.edgeconf.bridge.transport.internal.Listeners;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT (Paho, MQTT 5) side of the device protocol. Paho's callbacks only hand work over to the
 * injected scheduler; subscriptions are renewed from there after every (re)connection; publishes go
 * through a bounded {@link PublishQueue}.
 *
 * <p>It composes the parts that do each job: {@link MqttConnection}, {@link BoardSubscriptions},
 * {@link ImagePublisher} and {@link PahoCallback} around {@link MqttBoardState}, on {@link
 * MqttEvents}.
 */
public final class MqttBoardTransport implements BoardTransport {
  private static final Logger LOG = LoggerFactory.getLogger(MqttBoardTransport.class);

  private final MqttEvents events;
  private final BadInputLog bad;
  private final Listeners listeners = new Listeners();
  private final MqttBoardState state;
  private final PublishQueue queue;
  private final MqttConnection connection;
  private final ImagePublisher publisher;
  private final BoardSubscriptions subscriptions;
  private final PahoCallback callback;

  /**
   * @param settings broker and limits
   * @param scheduler runs the transport's work and timers (at least 2 threads); owned by the caller
   * @param clock the time of health reports, deadlines' bookkeeping and log rate limits
   */
  public MqttBoardTransport(
      MqttSettings settings, ScheduledExecutorService scheduler, Clock clock) {
    this.events = new MqttEvents(scheduler);
    this.bad = new BadInputLog("mqtt", clock);
    MqttTopics topics = new MqttTopics(settings.topicRoot());
    this.state =
        new MqttBoardState(
            clock,
            bad,
            listeners,
            settings.maxBoards(),
            settings.maxMessagesPerSecond(),
            this::rereadHello);
    this.queue = new PublishQueue(settings.maxInflight(), settings.maxQueuedPublishes(), scheduler);
    this.connection = new MqttConnection(settings, events, queue);
    this.publisher = new ImagePublisher(events, connection, state, queue, topics, scheduler);
    this.subscriptions =
        new BoardSubscriptions(settings, topics, connection, events, listeners, publisher::resume);
    this.callback =
        new PahoCallback(
            settings, connection, subscriptions, queue, events, topics, state, bad, listeners);
  }

  /**
   * The state is built before the subscriptions (which need the publisher, which needs the state):
   * its hello re-reads reach the subscriptions through here. On the event thread.
   */
  private void rereadHello(String id) {
    subscriptions.rereadHello(id);
  }

  @Override
  public Set<Transport> transports() {
    return Set.of(Transport.MQTT);
  }

  @Override
  public void start() {
    connection.start(callback);
  }

  @Override
  public boolean ready() {
    return connection.connected() && subscriptions.subscribed() && !connection.closed();
  }

  @Override
  public void addListener(BoardListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(BoardListener listener) {
    listeners.remove(listener);
  }

  @Override
  public List<BoardInfo> boards() {
    return state.table().all();
  }

  @Override
  public Optional<BoardInfo> board(String deviceId) {
    return state.table().get(deviceId);
  }

  @Override
  public CompletionStage<PushResult> push(String deviceId, byte[] image, Duration deadline) {
    requireId(deviceId);
    ImageInfo info = ImageInfo.of(image);
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline " + deadline + " must be positive");
    }
    return publisher.push(deviceId, info, image.clone(), deadline);
  }

  @Override
  public CompletionStage<Void> setDesired(String deviceId, byte[] image) {
    requireId(deviceId);
    ImageInfo info = ImageInfo.of(image);
    return publisher.setDesired(deviceId, info, image.clone());
  }

  @Override
  public CompletionStage<Void> clearDesired(String deviceId) {
    requireId(deviceId);
    return publisher.clearDesired(deviceId);
  }

  @Override
  public CompletionStage<Void> republishDesired() {
    return publisher.republishDesired();
  }

  @Override
  public CompletionStage<RebootResult> reboot(String deviceId, Duration deadline) {
    requireId(deviceId);
    return CompletableFuture.completedFuture(
        new RebootResult(
            deviceId,
            RebootResult.Status.UNSUPPORTED,
            "the device protocol has no MQTT reboot; use the board's reset line"));
  }

  @Override
  public BadInputCounters badInput() {
    return bad;
  }

  /** Publishes waiting in the outgoing queue (for tests and status). */
  public int queuedPublishes() {
    return queue.queued();
  }

  /** How often a publish was refused by the client and retried (error 32202 and the like). */
  public long publishRetries() {
    return queue.retries();
  }

  @Override
  public void close() {
    if (!connection.markClosed()) {
      return;
    }
    events.run(publisher::failPending);
    queue.close();
    events.shutdown();
    connection.disconnect();
    LOG.info("MQTT transport closed");
  }

  private static void requireId(String id) {
    if (!DeviceId.isValid(id)) {
      throw new IllegalArgumentException("device id '" + id + "' breaks [A-Za-z0-9._-]{1,64}");
    }
  }
}
