package io.edgeconf.faults;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 * What a broker holds retained under some topic filters, as a fresh subscriber sees it.
 *
 * <p>The read is complete without waiting on a clock: the reader first leaves a retained sentinel
 * of its own, subscribes to the filters, and only then to the sentinel. The broker sends a
 * subscription's retained messages in order on the connection, so once the sentinel arrives every
 * retained message of the filters has arrived before it.
 */
final class RetainedSnapshot {
  private RetainedSnapshot() {}

  /** Topic to payload of every non-empty retained message under the filters. */
  static Map<String, byte[]> read(String broker, String... filters) throws Exception {
    String sentinel = "test/retained-end/" + UUID.randomUUID();
    Map<String, byte[]> retained = new ConcurrentHashMap<>();
    CompletableFuture<Void> end = new CompletableFuture<>();
    var client = new MqttAsyncClient(broker, "snap-" + UUID.randomUUID(), new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage m) {
            if (topic.equals(sentinel)) {
              end.complete(null);
            } else if (m.isRetained() && m.getPayload().length > 0) {
              retained.put(topic, m.getPayload());
            }
          }

          @Override
          public void disconnected(MqttDisconnectResponse r) {
            end.completeExceptionally(new IllegalStateException("lost the broker: " + r));
          }

          @Override
          public void mqttErrorOccurred(MqttException e) {}

          @Override
          public void deliveryComplete(IMqttToken t) {}

          @Override
          public void connectComplete(boolean reconnect, String uri) {}

          @Override
          public void authPacketArrived(int code, MqttProperties p) {}
        });
    var options = new MqttConnectionOptions();
    options.setCleanStart(true);
    try {
      client.connect(options).waitForCompletion(10_000);
      client.publish(sentinel, new byte[] {'1'}, 1, true).waitForCompletion(10_000);
      int[] qos = new int[filters.length];
      java.util.Arrays.fill(qos, 1);
      client.subscribe(filters, qos).waitForCompletion(10_000);
      client.subscribe(sentinel, 1).waitForCompletion(10_000);
      end.get(30, TimeUnit.SECONDS);
      client.publish(sentinel, new byte[0], 1, true).waitForCompletion(10_000);
      client.disconnect().waitForCompletion(5_000);
    } finally {
      client.close(true);
    }
    return Map.copyOf(retained);
  }
}
