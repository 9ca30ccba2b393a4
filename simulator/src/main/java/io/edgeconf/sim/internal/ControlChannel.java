package io.edgeconf.sim.internal;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's one MQTT client for control topics: subscribes to {@code ec/sim/+/fault} (again
 * after every reconnect, from a worker, never inside a Paho callback) and hands each message's
 * device id and payload to the handler on a worker.
 */
public final class ControlChannel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);
  static final String FILTER = "ec/sim/+/fault";

  private final BrokerClients broker;
  private final MqttAsyncClient client;
  private final Executor worker;
  private final BiConsumer<String, byte[]> handler;

  public ControlChannel(
      BrokerClients broker, SimThreads threads, BiConsumer<String, byte[]> handler)
      throws MqttException {
    this.broker = broker;
    this.worker = threads.workers();
    this.handler = handler;
    client = broker.newClient("edgeconf-sim-ctl-" + UUID.randomUUID().toString().substring(0, 8));
    client.setCallback(new Callback());
  }

  /**
   * Connects and subscribes, waiting up to the timeout.
   *
   * @throws MqttException when the broker cannot be reached
   */
  public void connect(long timeoutMs) throws MqttException {
    MqttConnectionOptions options = broker.options();
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 10);
    options.setConnectionTimeout((int) Math.max(1, timeoutMs / 1000));
    client.connect(options).waitForCompletion(timeoutMs);
    client.subscribe(FILTER, 1).waitForCompletion(timeoutMs);
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(1000).waitForCompletion(2000);
      }
    } catch (MqttException e) {
      LOG.debug("control channel disconnect: {}", e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("control channel close: {}", e.toString());
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      LOG.debug("control channel disconnected: {}", response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.debug("control channel error: {}", exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      String[] parts = topic.split("/", -1);
      if (parts.length != 4) {
        return;
      }
      String id = parts[2];
      byte[] payload = message.getPayload();
      worker.execute(() -> handler.accept(id, payload));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
      if (reconnect) {
        worker.execute(
            () -> {
              try {
                client.subscribe(FILTER, 1);
              } catch (MqttException e) {
                LOG.warn("control channel cannot resubscribe: {}", e.toString());
              }
            });
      }
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }

  /** The control topic of a device. */
  public static String topicOf(String deviceId) {
    return "ec/sim/" + deviceId + "/fault";
  }
}
