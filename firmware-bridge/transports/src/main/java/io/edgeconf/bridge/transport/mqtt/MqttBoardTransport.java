package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.BadInputCounters;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.BoardListener;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.RebootResult;
import io.edgeconf.bridge.transport.TransportClosedException;
import io.edgeconf.bridge.transport.TransportConfigException;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import io.edgeconf.bridge.transport.internal.Listeners;
import io.edgeconf.bridge.transport.internal.PendingPush;
import io.edgeconf.bridge.transport.internal.SerialExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT (Paho, MQTT 5) side of the device protocol. Paho's callbacks only hand work over to the
 * injected scheduler; subscriptions are renewed from there after every (re)connection; publishes go
 * through a bounded {@link PublishQueue}.
 */
public final class MqttBoardTransport implements BoardTransport {
  private static final Logger LOG = LoggerFactory.getLogger(MqttBoardTransport.class);

  /** How long the subscription that re-reads a lost retained hello stays (see HelloRecovery). */
  private static final long REREAD_WINDOW_MS = 5000;

  private final MqttSettings settings;
  private final ScheduledExecutorService scheduler;
  private final SerialExecutor events;
  private final BadInputLog bad;
  private final Listeners listeners = new Listeners();
  private final MqttTopics topics;
  private final MqttBoardState state;
  private final PublishQueue queue;
  private final Object lifecycle = new Object();
  private MqttAsyncClient client;
  private MqttConnectionOptions connectOptions;
  private volatile boolean connected;
  private volatile boolean subscribed;
  private volatile boolean everConnected;
  private volatile boolean closed;
  private long connectDelayMs;

  /**
   * @param settings broker and limits
   * @param scheduler runs the transport's work and timers (at least 2 threads); owned by the caller
   * @param clock the time of health reports, deadlines' bookkeeping and log rate limits
   */
  public MqttBoardTransport(
      MqttSettings settings, ScheduledExecutorService scheduler, Clock clock) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.events = new SerialExecutor(scheduler);
    this.bad = new BadInputLog("mqtt", clock);
    this.topics = new MqttTopics(settings.topicRoot());
    this.state =
        new MqttBoardState(
            clock,
            bad,
            listeners,
            settings.maxBoards(),
            settings.maxMessagesPerSecond(),
            this::rereadHello);
    this.queue = new PublishQueue(settings.maxInflight(), settings.maxQueuedPublishes(), scheduler);
    this.connectDelayMs = settings.reconnectMinDelay().toMillis();
  }

  @Override
  public Set<Transport> transports() {
    return Set.of(Transport.MQTT);
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new TransportClosedException("MQTT transport is closed");
      }
      if (client != null) {
        return;
      }
      // TLS files are read here, once: a file that cannot be used fails start(), not a retry.
      connectOptions = options();
      try {
        client =
            new MqttAsyncClient(settings.brokerUri(), settings.clientId(), new MemoryPersistence());
      } catch (MqttException e) {
        throw new TransportConfigException("cannot create the MQTT client: " + e.getMessage(), e);
      }
      client.setCallback(new Callback());
      queue.sender(this::send);
    }
    LOG.info("MQTT transport connecting to {} as {}", settings.brokerUri(), settings.clientId());
    connect();
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(
        seconds(settings.reconnectMinDelay()), seconds(settings.reconnectMaxDelay()));
    o.setKeepAliveInterval(seconds(settings.keepAlive()));
    o.setConnectionTimeout(seconds(settings.connectTimeout()));
    if (!settings.tls()) {
      o.setSocketFactory(new NoDelaySocketFactory());
    }
    BrokerLogin.apply(settings, o);
    return o;
  }

  private static int seconds(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000));
  }

  /** The first connection; after it, Paho reconnects by itself. */
  private void connect() {
    MqttAsyncClient c;
    MqttConnectionOptions o;
    synchronized (lifecycle) {
      c = client;
      o = connectOptions;
      if (closed || everConnected || c == null) {
        return;
      }
    }
    try {
      c.connect(
          o,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {}

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              retryConnect(e);
            }
          });
    } catch (MqttException e) {
      retryConnect(e);
    }
  }

  private void retryConnect(Throwable e) {
    if (closed || everConnected) {
      return;
    }
    long delay;
    synchronized (lifecycle) {
      delay = connectDelayMs;
      connectDelayMs = Math.min(connectDelayMs * 2, settings.reconnectMaxDelay().toMillis());
    }
    LOG.warn(
        "cannot connect to broker {}: {}; retrying in {} ms",
        settings.brokerUri(),
        ConnectFailure.describe(e),
        delay);
    scheduleQuietly(this::connect, delay);
  }

  private void scheduleQuietly(Runnable task, long delayMs) {
    try {
      scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("scheduler refused work: {}", e.toString());
    }
  }

  /** Runs on the scheduler after every connectComplete: never inside Paho's callback. */
  private void onConnected(boolean reconnect) {
    MqttAsyncClient c = client;
    if (closed || c == null) {
      return;
    }
    try {
      c.subscribe(
          topics.filters(),
          topics.qos(),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              scheduleQuietly(() -> onSubscribed(reconnect, token), 0);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              LOG.warn("subscribing to board topics failed: {}; retrying", e.toString());
              scheduleQuietly(() -> resubscribeIfConnected(reconnect), 1000);
            }
          });
    } catch (MqttException e) {
      LOG.warn("subscribing to board topics failed: {}; retrying", e.toString());
      scheduleQuietly(() -> resubscribeIfConnected(reconnect), 1000);
    }
  }

  private void resubscribeIfConnected(boolean reconnect) {
    if (connected && !subscribed) {
      onConnected(reconnect);
    }
  }

  private void onSubscribed(boolean reconnect, IMqttToken token) {
    int[] codes = token.getReasonCodes();
    if (codes != null) {
      for (int code : codes) {
        if (code >= 0x80) {
          LOG.error(
              "broker refused a subscription under {} (reason 0x{}); check its ACL",
              settings.topicRoot(),
              Integer.toHexString(code));
        }
      }
    }
    subscribed = true;
    LOG.info(
        "MQTT transport {} to {}", reconnect ? "reconnected" : "connected", settings.brokerUri());
    events.execute(
        () -> {
          // Pushes still waiting for an ack publish their image again: the broker may have lost
          // it (restart without persistence) and boards re-ack an image they already run.
          if (reconnect) {
            state.pendingImages().forEach((id, image) -> queue.offer(cfgTopic(id), image, 1, true));
          }
          queue.connected();
          listeners.fire(l -> l.onTransportUp(Transport.MQTT, reconnect));
        });
  }

  private void send(PublishQueue.Outgoing m, long generation) throws MqttException {
    MqttAsyncClient c = client;
    if (c == null) {
      throw new IllegalStateException("MQTT client not started");
    }
    c.publish(
        m.topic,
        m.payload,
        m.qos,
        m.retained,
        null,
        new MqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            int[] codes = token.getReasonCodes();
            int code = codes == null || codes.length == 0 ? 0 : codes[0];
            if (code >= 0x80) {
              scheduleQuietly(
                  () ->
                      queue.refused(
                          m,
                          new TransportConfigException(
                              "broker refused the publish on "
                                  + m.topic
                                  + " (reason 0x"
                                  + Integer.toHexString(code)
                                  + "); check its ACL")),
                  0);
            } else {
              scheduleQuietly(() -> queue.sent(m, generation), 0);
            }
          }

          @Override
          public void onFailure(IMqttToken token, Throwable e) {
            scheduleQuietly(() -> queue.failed(m, generation, e), 0);
          }
        });
  }

  /**
   * Subscribes to one board's hello topic for a few seconds, so the broker sends its retained hello
   * again (see {@link HelloRecovery}).
   */
  private void rereadHello(String id) {
    MqttAsyncClient c = client;
    if (c == null || !subscribed) {
      return;
    }
    String topic = topics.topic(id, MqttTopics.Kind.HELLO);
    try {
      c.subscribe(topic, 1);
      scheduleQuietly(() -> unsubscribeQuietly(topic), REREAD_WINDOW_MS);
    } catch (MqttException e) {
      LOG.debug("re-reading the hello of {} failed: {}", id, e.toString());
    }
  }

  private void unsubscribeQuietly(String topic) {
    MqttAsyncClient c = client;
    try {
      if (c != null && c.isConnected()) {
        c.unsubscribe(topic);
      }
    } catch (MqttException e) {
      LOG.debug("unsubscribing from {} failed: {}", topic, e.toString());
    }
  }

  private String cfgTopic(String id) {
    return topics.topic(id, MqttTopics.Kind.CFG);
  }

  @Override
  public boolean ready() {
    return connected && subscribed && !closed;
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
    byte[] copy = image.clone();
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
          PendingPush p = state.beginPush(deviceId, copy, info);
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
                  () -> runOnEvents(() -> state.deadline(p)),
                  deadline.toMillis(),
                  TimeUnit.MILLISECONDS));
          queue
              .offer(cfgTopic(deviceId), copy, 1, true)
              .whenComplete(
                  (v, e) -> {
                    if (e != null) {
                      runOnEvents(
                          () -> {
                            state.forget(p);
                            p.fail(e);
                          });
                    }
                  });
        });
    return result;
  }

  @Override
  public CompletionStage<Void> setDesired(String deviceId, byte[] image) {
    requireId(deviceId);
    ImageInfo info = ImageInfo.of(image);
    byte[] copy = image.clone();
    CompletableFuture<Void> result = new CompletableFuture<>();
    onEvents(
        result,
        () -> {
          state.setDesired(deviceId, copy, info);
          relay(queue.offer(cfgTopic(deviceId), copy, 1, true), result);
        });
    return result;
  }

  @Override
  public CompletionStage<Void> clearDesired(String deviceId) {
    requireId(deviceId);
    CompletableFuture<Void> result = new CompletableFuture<>();
    onEvents(
        result,
        () -> {
          state.clearDesired(deviceId);
          relay(queue.offer(cfgTopic(deviceId), new byte[0], 1, true), result);
        });
    return result;
  }

  @Override
  public CompletionStage<Void> republishDesired() {
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
    MqttAsyncClient c;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      c = client;
    }
    runOnEvents(
        () ->
            state
                .drainPending()
                .forEach(p -> p.fail(new TransportClosedException("MQTT transport closed"))));
    queue.close();
    events.shutdown();
    if (c != null) {
      try {
        if (c.isConnected()) {
          c.disconnect(2000).waitForCompletion(3000);
        }
      } catch (MqttException e) {
        LOG.debug("disconnect: {}", e.toString());
        try {
          c.disconnectForcibly(0, 1000, false);
        } catch (MqttException e2) {
          LOG.debug("forced disconnect: {}", e2.toString());
        }
      }
      try {
        c.close(true);
      } catch (MqttException e) {
        LOG.debug("close: {}", e.toString());
      }
    }
    LOG.info("MQTT transport closed");
  }

  private static void requireId(String id) {
    if (!DeviceId.isValid(id)) {
      throw new IllegalArgumentException("device id '" + id + "' breaks [A-Za-z0-9._-]{1,64}");
    }
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
    if (closed) {
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

  private void runOnEvents(Runnable task) {
    try {
      events.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("event dropped after close");
    }
  }

  /** Paho's callbacks: hand over and return at once. */
  private final class Callback implements MqttCallback {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      everConnected = true;
      connected = true;
      subscribed = false;
      scheduleQuietly(() -> onConnected(reconnect), 0);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      connected = false;
      subscribed = false;
      queue.disconnected();
      String cause =
          String.valueOf(response.getException() != null ? response.getException() : response);
      if (!closed) {
        LOG.warn("MQTT connection to {} lost: {}", settings.brokerUri(), cause);
        runOnEvents(() -> listeners.fire(l -> l.onTransportDown(Transport.MQTT, cause)));
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.warn("MQTT error: {}", exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        if (closed) {
          return;
        }
        if (events.pending() >= settings.maxPendingInbound()) {
          bad.report(BadInput.FLOOD, topic, "inbound queue full, message dropped");
          return;
        }
        byte[] payload = message.getPayload();
        Optional<MqttTopics.Parsed> parsed = topics.parse(topic);
        if (parsed.isEmpty()) {
          bad.report(BadInput.UNKNOWN_MESSAGE, topic, "not a device-protocol topic");
          return;
        }
        events.execute(() -> state.onMessage(parsed.get(), payload));
      } catch (RuntimeException e) {
        LOG.error("dropping message on {}", topic, e);
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
