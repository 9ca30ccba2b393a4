package io.edgeconf.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.PayloadCodec;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.policy.eval.Evaluator;
import io.edgeconf.policy.eval.RenderResult;
import io.edgeconf.policy.model.CheckedPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * "The obvious alternative an operator might script": for each board, render the policy's field
 * values (the compiler's own evaluator, the same values the module renders), publish them as a JSON
 * object retained at QoS 1 on the board's topic, and wait until every board acked. Publishes are
 * pipelined, at most 16 awaiting their PUBACK (as the gateway's transport does), on a socket
 * without Nagle. The boards are an {@link AckFleet} (MQTT only: the ESP32 half of the fleet).
 *
 * <p>Timed: rendering, JSON encoding, publishing and every ack. Not timed and not done at all: a
 * module, vetting, signature, firmware-side checks, flash writes, health confirmation, waves,
 * failure detection and rollback, the CoAP half.
 */
final class JsonBaseline {
  private JsonBaseline() {}

  /**
   * The baseline's result.
   *
   * @param boards how many boards were pushed
   * @param millis from the first render to the last ack
   * @param bytesPerBoard the JSON size of the last board
   */
  record Result(int boards, double millis, int bytesPerBoard) {}

  static Result run(
      String broker,
      String root,
      List<DeviceAttributes> boards,
      CheckedPolicy policy,
      PolicySchema schema,
      long version)
      throws MqttException, InterruptedException {
    List<String> ids = boards.stream().map(DeviceAttributes::id).toList();
    try (var fleet = AckFleet.start(broker, root, ids)) {
      var acked = ConcurrentHashMap.<String>newKeySet();
      var done = new CountDownLatch(ids.size());
      var operator =
          new MqttAsyncClient(
              broker, "ec-bench-json-" + UUID.randomUUID(), new MemoryPersistence());
      operator.setCallback(new AckCounter(root, acked, done));
      var o = new MqttConnectionOptions();
      o.setCleanStart(true);
      o.setSocketFactory(new io.edgeconf.bridge.transport.mqtt.NoDelaySocketFactory());
      operator.connect(o).waitForCompletion(15_000);
      operator.subscribe(root + "/+/ack", 1).waitForCompletion(10_000);
      try {
        var inFlight = new Semaphore(16);
        var release = new Release(inFlight);
        int size = 0;
        long t0 = System.nanoTime();
        for (DeviceAttributes d : boards) {
          byte[] json = render(policy, schema, version, d);
          size = json.length;
          inFlight.acquire();
          operator.publish(
              root + "/" + d.id() + "/cfg",
              new MqttMessage(json, 1, true, new MqttProperties()),
              null,
              release);
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              "JSON baseline: only " + acked.size() + " of " + ids.size() + " boards acked");
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        clearRetained(operator, root, ids);
        return new Result(ids.size(), ms, size);
      } finally {
        operator.disconnect().waitForCompletion(2000);
        operator.close(true);
      }
    }
  }

  /** One board's JSON: {@code {"version":V,"fields":{...}}}. */
  static byte[] render(
      CheckedPolicy policy, PolicySchema schema, long version, DeviceAttributes d) {
    RenderResult r = Evaluator.render(policy, d);
    if (!(r instanceof RenderResult.Image image)) {
      throw new IllegalStateException("the policy does not render for " + d + ": " + r);
    }
    Map<String, Object> values =
        PayloadCodec.decode(schema, ImageCodec.decode(image.bytes()).payload());
    ObjectNode node = MgmtClient.MAPPER.createObjectNode().put("version", version);
    node.set("fields", MgmtClient.MAPPER.valueToTree(values));
    return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void clearRetained(MqttAsyncClient c, String root, List<String> ids)
      throws MqttException {
    for (String id : ids) {
      c.publish(root + "/" + id + "/cfg", new MqttMessage(new byte[0], 1, true, null))
          .waitForCompletion(10_000);
    }
  }

  private record Release(Semaphore inFlight) implements MqttActionListener {
    @Override
    public void onSuccess(IMqttToken token) {
      inFlight.release();
    }

    @Override
    public void onFailure(IMqttToken token, Throwable e) {
      inFlight.release();
    }
  }

  private record AckCounter(String root, Set<String> acked, CountDownLatch done)
      implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      String id = topic.substring(root.length() + 1, topic.length() - "/ack".length());
      if (acked.add(id)) {
        done.countDown();
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
