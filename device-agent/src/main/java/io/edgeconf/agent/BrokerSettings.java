package io.edgeconf.agent;

import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.BrokerAuth;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.TransportConfigException;
import io.edgeconf.bridge.transport.mqtt.MqttTls;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker connection both MQTT clients of the agent share (the board transport and the
 * management API): one URL, one login, one TLS identity. The password file is read and the TLS
 * files are checked once, when this is made. Immutable.
 */
final class BrokerSettings {
  private static final Logger log = LoggerFactory.getLogger(BrokerSettings.class);

  private final String url;
  private final BrokerAuth auth;
  private final Optional<String> password;

  private BrokerSettings(String url, BrokerAuth auth, Optional<String> password) {
    this.url = url;
    this.auth = auth;
    this.password = password;
  }

  /**
   * @param url the broker in force: the configured one, or the embedded broker's
   * @param embedded whether that is the embedded broker (which takes no login and no TLS)
   * @throws AgentException ({@code malformed}) naming the key and file that cannot be used
   */
  static BrokerSettings of(AgentConfig config, String url, boolean embedded) {
    if (embedded) {
      if (config.brokerAuth().isSet()) {
        log.warn("embedded broker: the broker-username, broker-*-file settings are not used");
      }
      return new BrokerSettings(url, BrokerAuth.NONE, Optional.empty());
    }
    var settings = new BrokerSettings(url, config.brokerAuth(), config.brokerAuth().readPassword());
    MqttSettings probe = settings.forClient("ec-check").build();
    if (probe.tls()) {
      try {
        MqttTls.socketFactory(probe);
      } catch (TransportConfigException e) {
        throw new AgentException(
            ErrorCode.MALFORMED,
            "broker TLS (broker-ca-file, broker-cert-file, broker-key-file): " + e.getMessage(),
            e);
      }
    }
    return settings;
  }

  /** The settings of one client of this broker, to be completed (topic root) and built. */
  MqttSettings.Builder forClient(String clientId) {
    var b = MqttSettings.builder(url, clientId);
    auth.username().ifPresent(u -> b.credentials(u, password.orElse(null)));
    auth.caFile().ifPresent(b::caFile);
    if (auth.certFile().isPresent()) {
      b.clientCertificate(auth.certFile().get(), auth.keyFile().orElseThrow());
    }
    return b;
  }

  /** For the start-up log line: the URL and how the agent logs in, never the password. */
  @Override
  public String toString() {
    return url
        + auth.username().map(u -> " as " + u).orElse("")
        + (auth.certFile().isPresent() ? " with a client certificate" : "");
  }
}
