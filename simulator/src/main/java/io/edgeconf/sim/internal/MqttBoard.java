package io.edgeconf.sim.internal;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.sim.SimEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
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
 * An ESP32-family board on MQTT 5 (device-protocol.md): retained {@code hello} and {@code online}
 * with a last will of {@code 0}, a subscription to its retained {@code cfg}, {@code ack} and {@code
 * health}. Reconnects by itself (from the timer, never inside a Paho callback) with a back-off
 * while it should be up.
 */
public final class MqttBoard extends VirtualBoard {
  private static final Logger LOG = LoggerFactory.getLogger(MqttBoard.class);
  private static final byte[] ONE = "1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZERO = "0".getBytes(StandardCharsets.US_ASCII);

  private final String prefix;
  private final BrokerClients broker;
  private volatile MqttAsyncClient client;
  private final CompletableFuture<Void> firstOnline = new CompletableFuture<>();
  private volatile boolean connected;
  private volatile boolean connecting;
  private long backoffMs = 500;

  public MqttBoard(
      DeviceAttributes device, Firmware firmware, BoardContext ctx, Duration healthOffset) {
    super(device, firmware, ctx, healthOffset);
    this.prefix = ctx.options().deviceTopicRoot() + "/" + device.id() + "/";
    this.broker = ctx.broker().orElseThrow();
  }

  /**
   * A fresh client for each connection: a Paho client reused after a forced disconnect can hang in
   * "connect already in progress", and a board that lost power starts from scratch anyway.
   */
  private MqttAsyncClient newClient() throws MqttException {
    MqttAsyncClient c = broker.newClient("edgeconf-sim-" + device.id());
    c.setCallback(new Callback(c));
    return c;
  }

  @Override
  protected CompletableFuture<Void> startTransport() {
    serial.execute(this::connect);
    return firstOnline;
  }

  private void connect() {
    if (!shouldBeUp() || connected || connecting) {
      return;
    }
    MqttConnectionOptions options = broker.options();
    options.setKeepAliveInterval(30);
    options.setConnectionTimeout(10);
    options.setAutomaticReconnect(false);
    options.setWill(prefix + "online", new MqttMessage(ZERO, 1, true, new MqttProperties()));
    connecting = true;
    try {
      if (client == null) {
        client = newClient();
      }
      client.connect(
          options,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {}

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              serial.execute(() -> connectFailed(e));
            }
          });
    } catch (MqttException | RuntimeException e) {
      connectFailed(e);
    }
  }

  private void connectFailed(Throwable e) {
    dropConnection();
    if (!firstOnline.isDone()) {
      // Simulator.start fails with the reason.
      firstOnline.completeExceptionally(e);
      return;
    }
    broker.connectFailed(id(), e);
    retryLater();
  }

  private void retryLater() {
    if (!shouldBeUp()) {
      return;
    }
    Duration delay = Duration.ofMillis(backoffMs);
    backoffMs = Math.min(backoffMs * 2, 10_000);
    later(delay, this::connect);
  }

  /** After CONNACK: announce, subscribe. Runs on the board's worker. */
  private void announce() {
    connecting = false;
    if (!shouldBeUp()) {
      dropConnection();
      return;
    }
    MqttAsyncClient c = client;
    if (c == null) {
      return;
    }
    connected = true;
    backoffMs = 500;
    broker.connected();
    try {
      c.publish(prefix + "hello", hello().toJson(), 1, true);
      c.publish(prefix + "online", ONE, 1, true);
      c.subscribe(prefix + "cfg", 1);
    } catch (MqttException e) {
      LOG.warn("{}: cannot announce: {}", id(), e.toString());
    }
    Firmware.Running r = firmware.running();
    emit(SimEvent.Kind.ONLINE, r.version(), r.crc(), "");
    firstOnline.complete(null);
    publishHealthNow();
  }

  private void lost(String why) {
    boolean was = connected;
    connected = false;
    connecting = false;
    if (was && shouldBeUp()) {
      Firmware.Running r = firmware.running();
      emit(SimEvent.Kind.OFFLINE, r.version(), r.crc(), why);
      retryLater();
    }
  }

  private void dropConnection() {
    connected = false;
    connecting = false;
    MqttAsyncClient c = client;
    client = null;
    if (c == null) {
      return;
    }
    ctx.threads()
        .workers()
        .execute(
            () -> {
              try {
                // No DISCONNECT packet: the broker publishes the will, as on a power loss.
                c.disconnectForcibly(0, 1000, false);
              } catch (MqttException | RuntimeException e) {
                LOG.debug("{}: forced disconnect: {}", id(), e.toString());
              }
              try {
                c.close(true);
              } catch (MqttException | RuntimeException e) {
                LOG.debug("{}: close: {}", id(), e.toString());
              }
            });
  }

  @Override
  protected void goDark() {
    dropConnection();
  }

  @Override
  protected void comeBack() {
    backoffMs = 500;
    connect();
  }

  @Override
  protected void publishHealth(Health health) {
    MqttAsyncClient c = client;
    if (!connected || c == null) {
      return;
    }
    try {
      c.publish(prefix + "health", health.toJson(), 0, false);
    } catch (MqttException e) {
      LOG.debug("{}: health not sent: {}", id(), e.toString());
    }
  }

  private void sendAck(Ack ack) {
    MqttAsyncClient c = client;
    if (c == null) {
      LOG.debug("{}: ack not sent, offline", id());
      return;
    }
    try {
      c.publish(prefix + "ack", ack.toJson(), 1, false);
    } catch (MqttException e) {
      LOG.warn("{}: ack not sent: {}", id(), e.toString());
    }
  }

  @Override
  protected void closeTransport() {
    MqttAsyncClient client = this.client;
    this.client = null;
    if (client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.publish(prefix + "online", ZERO, 1, true).waitForCompletion(2000);
        if (ctx.options().clearRetainedOnClose()) {
          for (String topic : new String[] {"hello", "online", "cfg"}) {
            client.publish(prefix + topic, new byte[0], 1, true).waitForCompletion(2000);
          }
        }
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      LOG.debug("{}: disconnect: {}", id(), e.toString());
    } finally {
      connected = false;
      try {
        client.close(true);
      } catch (MqttException e) {
        LOG.debug("{}: close: {}", id(), e.toString());
      }
    }
  }

  @Override
  public boolean online() {
    return connected && powered();
  }

  private final class Callback implements MqttCallback {
    private final MqttAsyncClient owner;

    Callback(MqttAsyncClient owner) {
      this.owner = owner;
    }

    private boolean stale() {
      return owner != client;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      if (stale()) {
        return;
      }
      serial.execute(() -> lost("disconnected: " + response.getReasonString()));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.debug("{}: MQTT error: {}", id(), exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (stale() || !topic.equals(prefix + "cfg")) {
        return;
      }
      byte[] payload = message.getPayload();
      if (payload.length == 0) {
        return; // a deleted retained cfg
      }
      push(payload, MqttBoard.this::sendAck, message.isRetained());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
      if (!stale()) {
        serial.execute(MqttBoard.this::announce);
      }
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
