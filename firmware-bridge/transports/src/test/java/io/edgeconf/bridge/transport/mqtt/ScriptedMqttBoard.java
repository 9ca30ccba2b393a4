package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.message.Hello;
import io.edgeconf.bridge.transport.ScriptedBoard;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * An ESP32 as the tests script it: a Paho client that announces itself (retained hello and online,
 * will "0"), applies or rejects what arrives on its cfg topic and reports health. After a broker
 * restart it re-announces and resubscribes, like firmware does.
 */
public final class ScriptedMqttBoard implements ScriptedBoard {
  private final String root;
  private final String id;
  private final Hello hello;
  private final MqttAsyncClient client;
  private final ExecutorService worker;
  private final List<byte[]> received = new CopyOnWriteArrayList<>();
  private volatile Answer answer = Answer.APPLY;
  private volatile boolean announced;
  private volatile boolean healthAfterAck = true;

  public ScriptedMqttBoard(String broker, String root, String id) throws MqttException {
    this.root = root;
    this.id = id;
    this.hello =
        Hello.of(
            DeviceAttributes.of("esp32", id)
                .withZone("north")
                .withTags(List.of("heater"))
                .withAttrs(java.util.Map.of("room", "east-2")),
            Optional.of("greenhouse"),
            4096);
    this.worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "board-" + id));
    this.client = new MqttAsyncClient(broker, "board-" + id, new MemoryPersistence());
    client.setCallback(new Callback());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, 1);
    o.setCleanStart(true);
    o.setWill(topic("online"), will());
    if (broker.startsWith("tcp://")) {
      o.setSocketFactory(new NoDelaySocketFactory()); // as firmware would: no Nagle delay on acks
    }
    client.connect(o).waitForCompletion(10_000);
  }

  private static MqttMessage will() {
    MqttMessage m = new MqttMessage("0".getBytes(StandardCharsets.UTF_8));
    m.setQos(1);
    m.setRetained(true);
    return m;
  }

  public String topic(String kind) {
    return root + "/" + id + "/" + kind;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void announce() throws MqttException {
    announced = true;
    publishAnnouncement();
  }

  private void publishAnnouncement() throws MqttException {
    client.subscribe(topic("cfg"), 1).waitForCompletion(10_000);
    client.publish(topic("hello"), hello.toJson(), 1, true).waitForCompletion(10_000);
    client
        .publish(topic("online"), "1".getBytes(StandardCharsets.UTF_8), 1, true)
        .waitForCompletion(10_000);
  }

  @Override
  public void answer(Answer a) {
    this.answer = a;
  }

  public void healthAfterAck(boolean value) {
    this.healthAfterAck = value;
  }

  @Override
  public void reportHealth(Health health) throws MqttException {
    publish("health", health.toJson(), 0, false);
  }

  /** Publishes anything on one of its own topics. */
  public void publish(String kind, byte[] payload, int qos, boolean retained) throws MqttException {
    client.publish(topic(kind), payload, qos, retained).waitForCompletion(10_000);
  }

  @Override
  public void goOffline() throws MqttException {
    publish("online", "0".getBytes(StandardCharsets.UTF_8), 1, true);
  }

  @Override
  public List<byte[]> received() {
    return received;
  }

  @Override
  public int reboots() {
    return 0;
  }

  public boolean connected() {
    return client.isConnected();
  }

  private void onImage(byte[] image) {
    received.add(image);
    long version = ImageCodec.versionOf(image).orElse(0);
    long crc = ImageCodec.crcOf(image);
    try {
      switch (answer) {
        case APPLY -> {
          publish("ack", Ack.applied(version, crc).toJson(), 1, false);
          if (healthAfterAck) {
            reportHealth(new Health(version, crc, true, 1, 1, "B"));
          }
        }
        case REJECT_SCHEMA ->
            publish("ack", Ack.rejected(version, crc, RejectionReason.SCHEMA).toJson(), 1, false);
        case SILENT -> {}
      }
    } catch (MqttException e) {
      // the broker may be gone; the gateway copes with a lost ack
    }
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        // leave nothing retained behind on the shared broker
        publish("hello", new byte[0], 1, true);
        publish("online", new byte[0], 1, true);
        client.disconnect().waitForCompletion(5000);
      }
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // ignore
    }
    worker.shutdownNow();
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse r) {}

    @Override
    public void mqttErrorOccurred(MqttException e) {}

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      byte[] payload = message.getPayload();
      if (topic.equals(topic("cfg")) && payload.length > 0) {
        worker.execute(() -> onImage(payload));
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String uri) {
      if (reconnect && announced) {
        worker.execute(
            () -> {
              try {
                publishAnnouncement();
              } catch (MqttException e) {
                // retried on the next reconnect
              }
            });
      }
    }

    @Override
    public void authPacketArrived(int code, MqttProperties properties) {}
  }
}
