package io.edgeconf.sim.internal;

import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.TransportConfigException;
import io.edgeconf.bridge.transport.mqtt.BrokerLogin;
import io.edgeconf.bridge.transport.mqtt.ConnectFailure;
import io.edgeconf.bridge.transport.mqtt.MqttTls;
import io.edgeconf.sim.BrokerAccess;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the simulator's MQTT clients (the control channel and every ESP32-family board) are
 * made, with their connection options: clean start, the broker login and TLS through {@link
 * BrokerLogin}. The TLS files are read once, here, and the socket factory is shared by every
 * client, so 1000 boards do not each parse PEM files. Thread-safe.
 */
public final class BrokerClients {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerClients.class);

  private final MqttSettings settings;
  private final SSLSocketFactory tls;
  private final SimThreads threads;

  /** The reason last logged at WARN, until a client connects again. */
  private final AtomicReference<String> warned = new AtomicReference<>();

  /**
   * @throws TransportConfigException naming the TLS file that cannot be used
   */
  public BrokerClients(BrokerAccess access, SimThreads threads) {
    this.settings = access.settings("edgeconf-sim");
    this.tls = settings.tls() ? MqttTls.socketFactory(settings) : null;
    this.threads = threads;
  }

  /** The broker as Paho takes it. */
  public String url() {
    return settings.brokerUri();
  }

  /** A new client on the simulator's shared threads; the caller sets its callback. */
  public MqttAsyncClient newClient(String clientId) throws MqttException {
    return new MqttAsyncClient(
        settings.brokerUri(),
        clientId,
        new MemoryPersistence(),
        new TimerPingSender(threads.paho()),
        threads.paho());
  }

  /** Fresh connection options: clean start, the login and the shared TLS socket factory. */
  public MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    BrokerLogin.apply(settings, tls, options);
    return options;
  }

  /**
   * Logs a failed (re)connection of a running client: a TLS failure or a refused login once at WARN
   * for all boards (they all share the settings, so 1000 lines would say the same), until some
   * client connects again; anything else (the broker is down) at DEBUG.
   */
  public void connectFailed(String who, Throwable e) {
    String why = ConnectFailure.describe(e);
    boolean lasting = why.startsWith("TLS with the broker") || why.startsWith("the broker refused");
    if (lasting && !why.equals(warned.getAndSet(why))) {
      LOG.warn("cannot connect to broker {} ({}): {}; retrying", url(), who, why);
    } else {
      LOG.debug("{}: cannot connect to broker {}: {}", who, url(), why);
    }
  }

  /** A client connected: a later TLS or login failure is worth a WARN line again. */
  public void connected() {
    warned.set(null);
  }
}
