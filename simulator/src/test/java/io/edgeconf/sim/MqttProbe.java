package io.edgeconf.sim;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** A test's own MQTT client on the real broker: records what it receives, publishes. */
final class MqttProbe implements AutoCloseable {
  static final String BROKER = "tcp://127.0.0.1:1883";

  /** One received message. */
  record Received(String topic, byte[] payload, boolean retained) {
    String text() {
      return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final MqttClient client;
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

  MqttProbe() throws MqttException {
    client =
        new MqttClient(
            BROKER,
            "probe-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
    client.setCallback(
        new org.eclipse.paho.mqttv5.client.MqttCallback() {
          @Override
          public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

          @Override
          public void mqttErrorOccurred(MqttException e) {}

          @Override
          public void messageArrived(String topic, MqttMessage msg) {
            received.add(new Received(topic, msg.getPayload(), msg.isRetained()));
          }

          @Override
          public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String uri) {}

          @Override
          public void authPacketArrived(
              int code, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {}
        });
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    client.connect(o);
  }

  void subscribe(String filter) throws MqttException {
    client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
  }

  void publish(String topic, byte[] payload, boolean retained) throws MqttException {
    MqttMessage m = new MqttMessage(payload, 1, retained, null);
    client.publish(topic, m);
  }

  void publish(String topic, String text) throws MqttException {
    publish(topic, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
  }

  List<Received> on(String topic) {
    return received.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  Optional<Received> last(String topic) {
    List<Received> list = on(topic);
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }

  void forget() {
    received.clear();
  }

  @Override
  public void close() throws MqttException {
    client.disconnect();
    client.close();
  }
}
