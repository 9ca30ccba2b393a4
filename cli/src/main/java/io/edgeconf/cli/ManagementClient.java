package io.edgeconf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeconf.agent.BrokerSettings;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.mqtt.BrokerLogin;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The command line's client of the management API (docs/management-api.md): MQTT 5 requests with a
 * response topic and correlation data, and the gateway's event stream. Not thread-safe; one per
 * command.
 */
final class ManagementClient implements AutoCloseable {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final MqttAsyncClient client;
  private final String replyTopic = "ec/cli/" + UUID.randomUUID() + "/reply";
  private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

  private ManagementClient(MqttAsyncClient client) {
    this.client = client;
  }

  /**
   * Connects to the broker with the login and TLS identity of the settings (as the agent does).
   *
   * @throws MqttException when the broker cannot be reached or refuses the connection
   * @throws io.edgeconf.bridge.transport.TransportConfigException naming a TLS file that cannot be
   *     used (checked already when the settings were made, so only if it changed since)
   */
  static ManagementClient connect(BrokerSettings broker) throws MqttException {
    MqttSettings settings = broker.forClient("ec-cli-" + UUID.randomUUID()).build();
    var options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setConnectionTimeout(10);
    BrokerLogin.apply(settings, options);
    // The normalised URL: Paho knows tcp:// and ssl://, not mqtt:// and mqtts://.
    var client =
        new MqttAsyncClient(settings.brokerUri(), settings.clientId(), new MemoryPersistence());
    var mc = new ManagementClient(client);
    client.setCallback(mc.new Callback());
    try {
      client.connect(options).waitForCompletion(15_000);
      client.subscribe(mc.replyTopic, 1).waitForCompletion(10_000);
    } catch (MqttException | RuntimeException e) {
      mc.close();
      throw e;
    }
    return mc;
  }

  /** Follows a gateway's events (call before sending the command they follow). */
  void followEvents(String gateway) throws MqttException {
    client.subscribe("ec/gw/" + gateway + "/events", 1).waitForCompletion(10_000);
  }

  /** Sends a command and waits for the first answer; null on timeout. */
  JsonNode request(String topic, byte[] payload, long timeoutSeconds)
      throws MqttException, InterruptedException {
    send(topic, payload);
    return replies.poll(timeoutSeconds, TimeUnit.SECONDS);
  }

  /** Sends a command; answers are collected by {@link #nextReply}. */
  void send(String topic, byte[] payload) throws MqttException {
    var props = new MqttProperties();
    props.setResponseTopic(replyTopic);
    props.setCorrelationData(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    client.publish(topic, new MqttMessage(payload, 1, false, props)).waitForCompletion(30_000);
  }

  /** The next answer, null after the timeout. */
  JsonNode nextReply(long timeoutMillis) throws InterruptedException {
    return replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** The next event, null after the timeout. */
  JsonNode nextEvent(long timeoutMillis) throws InterruptedException {
    return events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  static String gatewayTopic(String gateway, String verb) {
    return "ec/gw/" + gateway + "/cmd/" + verb;
  }

  static String groupTopic(String group, String verb) {
    return "ec/fleet/" + group + "/cmd/" + verb;
  }

  /** The error line of a refused answer. */
  static String error(JsonNode answer) {
    var e = answer.path("error");
    return e.path("code").asText("?") + ": " + e.path("message").asText("");
  }

  @Override
  public void close() {
    try {
      client.disconnect().waitForCompletion(2000);
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // nothing left to do
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      JsonNode node;
      try {
        node = MAPPER.readTree(message.getPayload());
      } catch (java.io.IOException e) {
        return;
      }
      if (topic.equals(replyTopic)) {
        replies.add(node);
      } else {
        events.add(node);
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
