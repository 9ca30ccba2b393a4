package io.edgeconf.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A raw MQTT 5 client for the suites: management requests with answers, and free publishing. */
final class Requester implements AutoCloseable {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private final MqttAsyncClient client;
  private final String replyTopic = "sec-test/replies/" + UUID.randomUUID();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  Requester(String broker) throws MqttException {
    client = new MqttAsyncClient(broker, "sec-" + UUID.randomUUID(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse r) {}

          @Override
          public void mqttErrorOccurred(MqttException e) {}

          @Override
          public void messageArrived(String topic, MqttMessage m) throws Exception {
            byte[] c = m.getProperties() == null ? null : m.getProperties().getCorrelationData();
            var f = c == null ? null : pending.remove(new String(c, StandardCharsets.UTF_8));
            if (f != null) {
              f.complete(MAPPER.readTree(m.getPayload()));
            }
          }

          @Override
          public void deliveryComplete(IMqttToken t) {}

          @Override
          public void connectComplete(boolean reconnect, String uri) {}

          @Override
          public void authPacketArrived(int code, MqttProperties p) {}
        });
    var options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options).waitForCompletion(10_000);
    client.subscribe(replyTopic, 1).waitForCompletion(10_000);
  }

  /** Sends a command with a response topic; the future completes with the answer. */
  CompletableFuture<JsonNode> send(String topic, byte[] payload) throws MqttException {
    String id = UUID.randomUUID().toString();
    var f = new CompletableFuture<JsonNode>();
    pending.put(id, f);
    var props = new MqttProperties();
    props.setResponseTopic(replyTopic);
    props.setCorrelationData(id.getBytes(StandardCharsets.UTF_8));
    publishWithBackpressure(topic, new MqttMessage(payload, 1, false, props));
    return f;
  }

  /** Sends a command and waits for its answer. */
  JsonNode request(String topic, byte[] payload) throws Exception {
    return send(topic, payload).get(90, TimeUnit.SECONDS);
  }

  /** Publishes without a response topic. */
  void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
    publishWithBackpressure(topic, new MqttMessage(payload, qos, retain, new MqttProperties()));
  }

  /**
   * Publishes and waits for completion; Paho's "too many publishes in progress" (32202) is the
   * broker's receive maximum pushing back on this flooding client, so wait and retry (bounded).
   */
  private void publishWithBackpressure(String topic, MqttMessage message) throws MqttException {
    for (int attempt = 0; ; attempt++) {
      try {
        client.publish(topic, message).waitForCompletion(60_000);
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt >= 500) {
          throw e;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(5000);
    client.close(true);
  }
}
