package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.Listeners;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's callbacks: each hands over and returns at once. Connection changes go to {@link
 * MqttConnection}, {@link BoardSubscriptions} and the {@link PublishQueue}; received messages,
 * within the inbound limit, to {@link MqttBoardState} on the event thread. Runs on Paho's threads.
 */
final class PahoCallback implements MqttCallback {
  // The transport's logger, so that log lines keep the logger name they always had.
  private static final Logger LOG = LoggerFactory.getLogger(MqttBoardTransport.class);

  private final MqttSettings settings;
  private final MqttConnection connection;
  private final BoardSubscriptions subscriptions;
  private final PublishQueue queue;
  private final MqttEvents events;
  private final MqttTopics topics;
  private final MqttBoardState state;
  private final BadInputLog bad;
  private final Listeners listeners;

  PahoCallback(
      MqttSettings settings,
      MqttConnection connection,
      BoardSubscriptions subscriptions,
      PublishQueue queue,
      MqttEvents events,
      MqttTopics topics,
      MqttBoardState state,
      BadInputLog bad,
      Listeners listeners) {
    this.settings = settings;
    this.connection = connection;
    this.subscriptions = subscriptions;
    this.queue = queue;
    this.events = events;
    this.topics = topics;
    this.state = state;
    this.bad = bad;
    this.listeners = listeners;
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    connection.connectComplete();
    subscriptions.connectionUp(reconnect);
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    connection.connectionLost();
    subscriptions.connectionDown();
    queue.disconnected();
    String cause =
        String.valueOf(response.getException() != null ? response.getException() : response);
    if (!connection.closed()) {
      LOG.warn("MQTT connection to {} lost: {}", settings.brokerUri(), cause);
      events.run(() -> listeners.fire(l -> l.onTransportDown(Transport.MQTT, cause)));
    }
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.warn("MQTT error: {}", exception.toString());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    try {
      if (connection.closed()) {
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
