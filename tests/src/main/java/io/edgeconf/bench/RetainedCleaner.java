package io.edgeconf.bench;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * Deletes the retained messages a run left under a topic filter (the stopped agent's status, device
 * entries and online flag), so that runs do not litter a shared broker. Best effort. (Paho 1.2.5's
 * synchronous {@code MqttClient.subscribe} with a listener recurses forever, hence the asynchronous
 * client.)
 */
final class RetainedCleaner {
  private RetainedCleaner() {}

  /** Collects the retained topics under {@code filter} for a second, then clears each. */
  static int clear(String broker, String filter) {
    Set<String> topics = ConcurrentHashMap.newKeySet();
    try {
      var c =
          new MqttAsyncClient(
              broker, "ec-bench-clean-" + UUID.randomUUID(), new MemoryPersistence());
      c.setCallback(new Collector(topics));
      var o = new MqttConnectionOptions();
      o.setCleanStart(true);
      c.connect(o).waitForCompletion(10_000);
      c.subscribe(filter, 1).waitForCompletion(10_000);
      Thread.sleep(1000);
      c.unsubscribe(filter).waitForCompletion(10_000);
      for (String t : topics) {
        c.publish(t, new MqttMessage(new byte[0], 1, true, null)).waitForCompletion(10_000);
      }
      c.disconnect().waitForCompletion(2000);
      c.close(true);
    } catch (MqttException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
    return topics.size();
  }

  private record Collector(Set<String> topics) implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage m) {
      if (m.isRetained() && m.getPayload().length > 0) {
        topics.add(topic);
      }
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
