package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.TransportClosedException;
import io.edgeconf.bridge.transport.TransportConfigException;
import java.time.Duration;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to the broker: creates the Paho client once (TLS files and login are read then),
 * makes the first connection and retries it with a doubling back-off until it succeeds (after that
 * Paho reconnects by itself), knows whether it is connected and whether the transport is closed,
 * and disconnects on close. Thread-safe: the client's creation and closing happen under one lock;
 * the state flags are volatile; retries run on the scheduler.
 */
final class MqttConnection {
  // The transport's logger, so that log lines keep the logger name they always had.
  private static final Logger LOG = LoggerFactory.getLogger(MqttBoardTransport.class);

  private final MqttSettings settings;
  private final MqttEvents events;
  private final PublishQueue queue;
  private final Object lifecycle = new Object();
  // Written once under the lock, before the first connection: every reader runs after it.
  private MqttAsyncClient client;
  private MqttConnectionOptions connectOptions;
  private volatile boolean connected;
  private volatile boolean everConnected;
  private volatile boolean closed;
  private long connectDelayMs;

  MqttConnection(MqttSettings settings, MqttEvents events, PublishQueue queue) {
    this.settings = settings;
    this.events = events;
    this.queue = queue;
    this.connectDelayMs = settings.reconnectMinDelay().toMillis();
  }

  /**
   * Creates the client (once), hands it to the outgoing queue and starts connecting.
   *
   * @throws TransportClosedException when closed
   * @throws TransportConfigException when the client cannot be created
   */
  void start(MqttCallback callback) {
    synchronized (lifecycle) {
      if (closed) {
        throw new TransportClosedException("MQTT transport is closed");
      }
      if (client != null) {
        return;
      }
      // TLS files are read here, once: a file that cannot be used fails start(), not a retry.
      connectOptions = options();
      try {
        client =
            new MqttAsyncClient(settings.brokerUri(), settings.clientId(), new MemoryPersistence());
      } catch (MqttException e) {
        throw new TransportConfigException("cannot create the MQTT client: " + e.getMessage(), e);
      }
      client.setCallback(callback);
      queue.sender(new PahoSender(client, queue, events));
    }
    LOG.info("MQTT transport connecting to {} as {}", settings.brokerUri(), settings.clientId());
    connect();
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(
        seconds(settings.reconnectMinDelay()), seconds(settings.reconnectMaxDelay()));
    o.setKeepAliveInterval(seconds(settings.keepAlive()));
    o.setConnectionTimeout(seconds(settings.connectTimeout()));
    if (!settings.tls()) {
      o.setSocketFactory(new NoDelaySocketFactory());
    }
    BrokerLogin.apply(settings, o);
    return o;
  }

  private static int seconds(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000));
  }

  /** The first connection; after it, Paho reconnects by itself. */
  private void connect() {
    MqttAsyncClient c;
    MqttConnectionOptions o;
    synchronized (lifecycle) {
      c = client;
      o = connectOptions;
      if (closed || everConnected || c == null) {
        return;
      }
    }
    try {
      c.connect(
          o,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {}

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              retryConnect(e);
            }
          });
    } catch (MqttException e) {
      retryConnect(e);
    }
  }

  private void retryConnect(Throwable e) {
    if (closed || everConnected) {
      return;
    }
    long delay;
    synchronized (lifecycle) {
      delay = connectDelayMs;
      connectDelayMs = Math.min(connectDelayMs * 2, settings.reconnectMaxDelay().toMillis());
    }
    LOG.warn(
        "cannot connect to broker {}: {}; retrying in {} ms",
        settings.brokerUri(),
        ConnectFailure.describe(e),
        delay);
    events.scheduleQuietly(this::connect, delay);
  }

  /** Paho's connectComplete: connected, and no first connection to retry any more. */
  void connectComplete() {
    everConnected = true;
    connected = true;
  }

  /** Paho's disconnected: Paho reconnects by itself. */
  void connectionLost() {
    connected = false;
  }

  /** The client, or null before {@link #start}. */
  MqttAsyncClient client() {
    return client;
  }

  boolean connected() {
    return connected;
  }

  boolean closed() {
    return closed;
  }

  /** Marks the transport closed; false when it already was. */
  boolean markClosed() {
    synchronized (lifecycle) {
      if (closed) {
        return false;
      }
      closed = true;
      return true;
    }
  }

  /** Disconnects (waiting a few seconds at most) and closes the client, if it was started. */
  void disconnect() {
    MqttAsyncClient c;
    synchronized (lifecycle) {
      c = client;
    }
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      LOG.debug("disconnect: {}", e.toString());
      try {
        c.disconnectForcibly(0, 1000, false);
      } catch (MqttException e2) {
        LOG.debug("forced disconnect: {}", e2.toString());
      }
    }
    try {
      c.close(true);
    } catch (MqttException e) {
      LOG.debug("close: {}", e.toString());
    }
  }
}
