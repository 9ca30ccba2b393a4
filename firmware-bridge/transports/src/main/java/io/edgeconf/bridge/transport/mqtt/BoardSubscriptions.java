package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.internal.Listeners;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's subscriptions. After every (re)connection it subscribes to the board topics again
 * from the scheduler (subscribing inside Paho's callback deadlocks), retrying until the broker
 * answers, then on the event thread resumes the outgoing side and tells the listeners the transport
 * is up. It also re-reads a board's lost retained hello (see {@link HelloRecovery}). Thread-safe:
 * the subscribed flag is volatile; subscribing runs on the scheduler, re-reads on the event thread.
 */
final class BoardSubscriptions {
  // The transport's logger, so that log lines keep the logger name they always had.
  private static final Logger LOG = LoggerFactory.getLogger(MqttBoardTransport.class);

  /** How long the subscription that re-reads a lost retained hello stays (see HelloRecovery). */
  private static final long REREAD_WINDOW_MS = 5000;

  private final MqttSettings settings;
  private final MqttTopics topics;
  private final MqttConnection connection;
  private final MqttEvents events;
  private final Listeners listeners;
  private final Consumer<Boolean> resume;
  private volatile boolean subscribed;

  /**
   * @param resume on the event thread once subscribed, with whether it was a reconnection: lets the
   *     outgoing side publish again
   */
  BoardSubscriptions(
      MqttSettings settings,
      MqttTopics topics,
      MqttConnection connection,
      MqttEvents events,
      Listeners listeners,
      Consumer<Boolean> resume) {
    this.settings = settings;
    this.topics = topics;
    this.connection = connection;
    this.events = events;
    this.listeners = listeners;
    this.resume = resume;
  }

  /** Paho's connectComplete: the session is new (clean start); subscribe from the scheduler. */
  void connectionUp(boolean reconnect) {
    subscribed = false;
    events.scheduleQuietly(() -> subscribe(reconnect), 0);
  }

  /** Paho's disconnected. */
  void connectionDown() {
    subscribed = false;
  }

  boolean subscribed() {
    return subscribed;
  }

  /** Runs on the scheduler after every connectComplete: never inside Paho's callback. */
  private void subscribe(boolean reconnect) {
    MqttAsyncClient c = connection.client();
    if (connection.closed() || c == null) {
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
              events.scheduleQuietly(() -> onSubscribed(reconnect, token), 0);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              LOG.warn("subscribing to board topics failed: {}; retrying", e.toString());
              events.scheduleQuietly(() -> resubscribeIfConnected(reconnect), 1000);
            }
          });
    } catch (MqttException e) {
      LOG.warn("subscribing to board topics failed: {}; retrying", e.toString());
      events.scheduleQuietly(() -> resubscribeIfConnected(reconnect), 1000);
    }
  }

  private void resubscribeIfConnected(boolean reconnect) {
    if (connection.connected() && !subscribed) {
      subscribe(reconnect);
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
          resume.accept(reconnect);
          listeners.fire(l -> l.onTransportUp(Transport.MQTT, reconnect));
        });
  }

  /**
   * Subscribes to one board's hello topic for a few seconds, so the broker sends its retained hello
   * again (see {@link HelloRecovery}). On the event thread.
   */
  void rereadHello(String id) {
    MqttAsyncClient c = connection.client();
    if (c == null || !subscribed) {
      return;
    }
    String topic = topics.topic(id, MqttTopics.Kind.HELLO);
    try {
      c.subscribe(topic, 1);
      events.scheduleQuietly(() -> unsubscribeQuietly(topic), REREAD_WINDOW_MS);
    } catch (MqttException e) {
      LOG.debug("re-reading the hello of {} failed: {}", id, e.toString());
    }
  }

  private void unsubscribeQuietly(String topic) {
    MqttAsyncClient c = connection.client();
    try {
      if (c != null && c.isConnected()) {
        c.unsubscribe(topic);
      }
    } catch (MqttException e) {
      LOG.debug("unsubscribing from {} failed: {}", topic, e.toString());
    }
  }
}
