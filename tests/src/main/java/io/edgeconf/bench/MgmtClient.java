package io.edgeconf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * The operator's side of the management API (docs/management-api.md) for the harness: MQTT 5
 * requests with a response topic and correlation data, and the gateway's events, each stamped with
 * {@link System#nanoTime()} when it arrived. Not thread-safe; one per gateway.
 */
final class MgmtClient implements AutoCloseable {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** A message as it arrived. */
  record Received(JsonNode json, long nanos) {}

  private final MqttAsyncClient client;
  private final String gateway;
  private final String replyTopic = "ec/bench/" + UUID.randomUUID() + "/reply";
  private final BlockingQueue<Received> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
  private volatile boolean online;

  private MgmtClient(MqttAsyncClient client, String gateway) {
    this.client = client;
    this.gateway = gateway;
  }

  /** Connects and follows the gateway's events and online flag. */
  static MgmtClient connect(String broker, String gateway) throws MqttException {
    var client =
        new MqttAsyncClient(broker, "ec-bench-" + UUID.randomUUID(), new MemoryPersistence());
    var mc = new MgmtClient(client, gateway);
    client.setCallback(mc.new Callback());
    var options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setConnectionTimeout(10);
    options.setSocketFactory(new io.edgeconf.bridge.transport.mqtt.NoDelaySocketFactory());
    client.connect(options).waitForCompletion(15_000);
    client.subscribe(mc.replyTopic, 1).waitForCompletion(10_000);
    client.subscribe("ec/gw/" + gateway + "/events", 1).waitForCompletion(10_000);
    client.subscribe("ec/gw/" + gateway + "/online", 1).waitForCompletion(10_000);
    return mc;
  }

  /** Waits until the agent's retained online flag says 1. */
  boolean awaitOnline(long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (!online && System.currentTimeMillis() < end) {
      Thread.sleep(50);
    }
    return online;
  }

  /** Sends a command to the gateway and waits for its answer; null on timeout. */
  Received request(String verb, byte[] payload, long timeoutMillis)
      throws MqttException, InterruptedException {
    replies.clear();
    var props = new MqttProperties();
    props.setResponseTopic(replyTopic);
    props.setCorrelationData(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    client
        .publish("ec/gw/" + gateway + "/cmd/" + verb, new MqttMessage(payload, 1, false, props))
        .waitForCompletion(30_000);
    return replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** The next event, null after the timeout. */
  Received nextEvent(long timeoutMillis) throws InterruptedException {
    return events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Drops every event received so far. */
  void clearEvents() {
    events.clear();
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
    public void messageArrived(String topic, MqttMessage message) {
      long now = System.nanoTime();
      if (topic.endsWith("/online")) {
        online = new String(message.getPayload(), StandardCharsets.UTF_8).equals("1");
        return;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(message.getPayload());
      } catch (IOException e) {
        return;
      }
      (topic.equals(replyTopic) ? replies : events).add(new Received(node, now));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
