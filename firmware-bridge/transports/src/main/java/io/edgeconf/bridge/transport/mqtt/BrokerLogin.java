package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.TransportConfigException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * Puts the login and the TLS identity of {@link MqttSettings} on Paho's connection options: every
 * client of a broker (the board transport, the agent's management API, the command line, the
 * simulator's boards) logs in and sets up TLS through this one place. Stateless; thread-safe.
 */
public final class BrokerLogin {
  private BrokerLogin() {}

  /**
   * Sets the user name and password, and for an {@code ssl://} broker a socket factory trusting the
   * CA file and presenting the client certificate, with the broker's host name checked against its
   * certificate. Leaves the socket factory alone for a plain broker. Reads the TLS files on every
   * call: clients that connect many times, or many clients of one broker, make the factory once
   * with {@link MqttTls#socketFactory} and use {@link #apply(MqttSettings, SSLSocketFactory,
   * MqttConnectionOptions)}.
   *
   * @throws TransportConfigException naming the TLS file that cannot be used
   */
  public static void apply(MqttSettings settings, MqttConnectionOptions options) {
    apply(settings, settings.tls() ? MqttTls.socketFactory(settings) : null, options);
  }

  /**
   * As {@link #apply(MqttSettings, MqttConnectionOptions)}, with a socket factory made before from
   * the same settings by {@link MqttTls#socketFactory}; one factory may serve any number of
   * clients.
   *
   * @param tls the factory for an {@code ssl://} broker; ignored (may be null) for a plain one
   * @throws IllegalArgumentException when the broker is {@code ssl://} and there is no factory
   */
  public static void apply(
      MqttSettings settings, SSLSocketFactory tls, MqttConnectionOptions options) {
    settings.username().ifPresent(options::setUserName);
    settings.password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    if (settings.tls()) {
      if (tls == null) {
        throw new IllegalArgumentException(
            "broker " + settings.brokerUri() + " uses TLS but no socket factory was given");
      }
      options.setSocketFactory(tls);
      options.setHttpsHostnameVerificationEnabled(true);
    }
  }
}
