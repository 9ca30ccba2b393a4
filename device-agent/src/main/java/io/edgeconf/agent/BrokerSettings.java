package io.edgeconf.agent;

import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.BrokerAuth;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.TransportConfigException;
import io.edgeconf.bridge.transport.mqtt.MqttTls;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One broker connection's URL, login and TLS identity, shared by every client of that broker: both
 * MQTT clients of the agent (the board transport and the management API), and the command line's
 * management client. The password file is read and the TLS files are checked once, when this is
 * made. Immutable; never shows the password.
 */
public final class BrokerSettings {
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
    return external(url, config.brokerAuth());
  }

  /**
   * The settings of a client of an external broker: checks the URL against the settings, reads the
   * password file and checks the TLS files now.
   *
   * @param url {@code tcp://}, {@code ssl://}, {@code mqtt://} or {@code mqtts://HOST:PORT}
   * @throws AgentException ({@code malformed}) naming the setting ({@code broker}, {@code
   *     broker-password-file}, {@code broker-ca-file}, ...) and the file that cannot be used
   */
  public static BrokerSettings external(String url, BrokerAuth auth) {
    auth.checkBroker(url);
    var settings = new BrokerSettings(url, auth, auth.readPassword());
    MqttSettings probe = settings.forClient("ec-check").build();
    if (probe.tls()) {
      try {
        MqttTls.socketFactory(probe);
      } catch (TransportConfigException e) {
        throw new AgentException(
            ErrorCode.MALFORMED, settings.tlsSetting(e.getMessage()) + ": " + e.getMessage(), e);
      }
    }
    return settings;
  }

  /** The TLS setting whose file a failure names (all of them when it names none). */
  private String tlsSetting(String failure) {
    if (names(failure, auth.keyFile())) {
      return "broker-key-file";
    }
    if (names(failure, auth.certFile())) {
      return "broker-cert-file";
    }
    if (names(failure, auth.caFile())) {
      return "broker-ca-file";
    }
    return "broker TLS (broker-ca-file, broker-cert-file, broker-key-file)";
  }

  private static boolean names(String failure, Optional<Path> file) {
    return failure != null && file.isPresent() && failure.contains(file.get().toString());
  }

  /**
   * The settings of one client of this broker, to be completed (topic root) and built; {@link
   * io.edgeconf.bridge.transport.mqtt.BrokerLogin} turns them into Paho's connection options.
   */
  public MqttSettings.Builder forClient(String clientId) {
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
