package io.edgeconf.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A test client of the management API: MQTT 5 request/response, and a record of events. */
public final class MqttRequester implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final MqttAsyncClient client;
  private final String replyTopic = "test/replies/" + UUID.randomUUID();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  public final List<JsonNode> events = new CopyOnWriteArrayList<>();
  public final Map<String, String> retained = new ConcurrentHashMap<>();

  public MqttRequester(String broker, String gateway) throws MqttException {
    this(broker, gateway, options -> {});
  }

  /**
   * A client whose connection options the test completes (TLS socket factory, user name and
   * password).
   */
  public MqttRequester(String broker, String gateway, Consumer<MqttConnectionOptions> tune)
      throws MqttException {
    client = new MqttAsyncClient(broker, "test-" + UUID.randomUUID(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse r) {}

          @Override
          public void mqttErrorOccurred(MqttException e) {}

          @Override
          public void messageArrived(String topic, MqttMessage m) throws Exception {
            String body = new String(m.getPayload(), StandardCharsets.UTF_8);
            if (topic.equals(replyTopic)) {
              byte[] c = m.getProperties().getCorrelationData();
              var f = c == null ? null : pending.remove(new String(c, StandardCharsets.UTF_8));
              if (f != null) {
                f.complete(MAPPER.readTree(body));
              }
            } else if (topic.endsWith("/events")) {
              events.add(MAPPER.readTree(body));
            } else {
              retained.put(topic, body);
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
    tune.accept(options);
    client.connect(options).waitForCompletion(10_000);
    client
        .subscribe(new String[] {replyTopic, "ec/gw/" + gateway + "/#"}, new int[] {1, 1})
        .waitForCompletion(10_000);
  }

  /** Sends a command and waits for its answer. */
  public JsonNode request(String topic, byte[] payload) throws Exception {
    String id = UUID.randomUUID().toString();
    var f = new CompletableFuture<JsonNode>();
    pending.put(id, f);
    var props = new MqttProperties();
    props.setResponseTopic(replyTopic);
    props.setCorrelationData(id.getBytes(StandardCharsets.UTF_8));
    client.publish(topic, new MqttMessage(payload, 1, false, props)).waitForCompletion(30_000);
    return f.get(60, TimeUnit.SECONDS);
  }

  /** Sends a command without a response topic. */
  public void send(String topic, byte[] payload) throws MqttException {
    client
        .publish(topic, new MqttMessage(payload, 1, false, new MqttProperties()))
        .waitForCompletion(30_000);
  }

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(5000);
    client.close(true);
  }
}
