package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.TransportConfigException;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * Puts the login and the TLS identity of {@link MqttSettings} on Paho's connection options: every
 * client of a broker (the board transport, the agent's management API, the command line) logs in
 * and sets up TLS through this one place. Stateless; thread-safe.
 */
public final class BrokerLogin {
  private BrokerLogin() {}

  /**
   * Sets the user name and password, and for an {@code ssl://} broker a socket factory trusting the
   * CA file and presenting the client certificate, with the broker's host name checked against its
   * certificate. Leaves the socket factory alone for a plain broker.
   *
   * @throws TransportConfigException naming the TLS file that cannot be used
   */
  public static void apply(MqttSettings settings, MqttConnectionOptions options) {
    settings.username().ifPresent(options::setUserName);
    settings.password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    if (settings.tls()) {
      options.setSocketFactory(MqttTls.socketFactory(settings));
      options.setHttpsHostnameVerificationEnabled(true);
    }
  }
}
