package io.edgeconf.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The JSON baseline's boards: one scripted MQTT client per board, each subscribed (QoS 1) to its
 * {@code ROOT/ID/cfg} and answering every non-empty message at once on {@code ROOT/ID/ack} (QoS 1)
 * with the {@code version} it read. They check nothing, write no flash and send no health.
 */
final class AckFleet implements AutoCloseable {
  private final PahoThreads threads = new PahoThreads();
  private final List<MqttAsyncClient> clients = new ArrayList<>();

  /**
   * Connects and subscribes every board; returns when all are ready.
   *
   * @throws MqttException when a board cannot connect or subscribe
   */
  static AckFleet start(String broker, String root, List<String> ids) throws MqttException {
    var fleet = new AckFleet();
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<IMqttToken> pending = new ArrayList<>();
    for (String id : ids) {
      var c =
          new MqttAsyncClient(
              broker,
              "ec-bench-ack-" + run + "-" + id,
              new MemoryPersistence(),
              new TimerPingSender(fleet.threads.executor()),
              fleet.threads.executor());
      c.setCallback(new Acker(c, root + "/" + id + "/ack"));
      var o = new MqttConnectionOptions();
      o.setCleanStart(true);
      o.setConnectionTimeout(30);
      o.setKeepAliveInterval(60);
      o.setSocketFactory(new io.edgeconf.bridge.transport.mqtt.NoDelaySocketFactory());
      fleet.clients.add(c);
      pending.add(c.connect(o));
    }
    for (IMqttToken t : pending) {
      t.waitForCompletion(60_000);
    }
    pending.clear();
    for (int i = 0; i < ids.size(); i++) {
      pending.add(fleet.clients.get(i).subscribe(root + "/" + ids.get(i) + "/cfg", 1));
    }
    for (IMqttToken t : pending) {
      t.waitForCompletion(60_000);
    }
    return fleet;
  }

  @Override
  public void close() {
    for (var c : clients) {
      try {
        c.disconnect().waitForCompletion(2000);
        c.close(true);
      } catch (MqttException e) {
        // closing anyway
      }
    }
    threads.close();
  }

  /** Acks what arrives. */
  private record Acker(MqttAsyncClient client, String ackTopic) implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
      byte[] p = message.getPayload();
      if (p.length == 0) {
        return;
      }
      long version = MgmtClient.MAPPER.readTree(p).path("version").asLong();
      byte[] ack =
          ("{\"version\":" + version + ",\"status\":\"applied\"}").getBytes(StandardCharsets.UTF_8);
      client.publish(ackTopic, new MqttMessage(ack, 1, false, new MqttProperties()));
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
