package io.edgeconf.sim;

import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.TransportConfigException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the simulator reaches its MQTT broker: the URL, the login and the TLS files, as the gateway's
 * {@link MqttSettings} name them. The control channel and every ESP32-family board are each a
 * client with these settings; the simulator reads the TLS files once, when it starts. Immutable;
 * validated at construction; {@link #toString()} never shows the password.
 *
 * @param url {@code tcp://} or {@code mqtt://HOST:PORT}, {@code ssl://} or {@code mqtts://} for
 *     TLS; kept as Paho takes it ({@code tcp://}, {@code ssl://})
 * @param username the broker user, empty for none
 * @param password the broker password, empty for none (needs a user)
 * @param caFile PEM CA certificate(s) of the broker's certificate, empty for the JDK's CAs
 * @param clientCertFile PEM client certificate (chain) for mutual TLS, empty for none
 * @param clientKeyFile its key, PEM unencrypted PKCS#8; set exactly when the certificate is
 */
public record BrokerAccess(
    String url,
    Optional<String> username,
    Optional<String> password,
    Optional<Path> caFile,
    Optional<Path> clientCertFile,
    Optional<Path> clientKeyFile) {
  public BrokerAccess {
    url = url == null ? null : MqttSettings.pahoUri(url);
    username = username == null ? Optional.empty() : username.filter(u -> !u.isEmpty());
    password = password == null ? Optional.empty() : password;
    caFile = caFile == null ? Optional.empty() : caFile;
    clientCertFile = clientCertFile == null ? Optional.empty() : clientCertFile;
    clientKeyFile = clientKeyFile == null ? Optional.empty() : clientKeyFile;
    if ((caFile.isPresent() || clientCertFile.isPresent())
        && url != null
        && !url.startsWith("ssl://")) {
      // They would be ignored while the operator believes the link is secured.
      throw new IllegalArgumentException(
          "broker CA and client certificate files need an ssl:// or mqtts:// broker, not '"
              + url
              + "'");
    }
    try {
      settings(url, username, password, caFile, clientCertFile, clientKeyFile, "edgeconf-sim");
    } catch (TransportConfigException e) {
      throw new IllegalArgumentException("broker: " + e.getMessage(), e);
    }
  }

  /** A broker without login; {@code ssl://} with the JDK's CAs. */
  public static BrokerAccess of(String url) {
    return new BrokerAccess(url, null, null, null, null, null);
  }

  /**
   * The broker URL, login and TLS files of a gateway client's settings (the command line builds
   * them as for its own connection); their client id and other settings are not used.
   */
  public static BrokerAccess of(MqttSettings settings) {
    return new BrokerAccess(
        settings.brokerUri(),
        settings.username(),
        settings.password(),
        settings.caFile(),
        settings.clientCertFile(),
        settings.clientKeyFile());
  }

  /** Whether the connection uses TLS. */
  public boolean tls() {
    return url.startsWith("ssl://");
  }

  /**
   * The settings of one client of the broker, for {@link
   * io.edgeconf.bridge.transport.mqtt.BrokerLogin}.
   */
  public MqttSettings settings(String clientId) {
    return settings(url, username, password, caFile, clientCertFile, clientKeyFile, clientId);
  }

  private static MqttSettings settings(
      String url,
      Optional<String> username,
      Optional<String> password,
      Optional<Path> caFile,
      Optional<Path> certFile,
      Optional<Path> keyFile,
      String clientId) {
    var b = MqttSettings.builder(url, clientId);
    b.credentials(username.orElse(null), password.orElse(null));
    caFile.ifPresent(b::caFile);
    b.clientCertificate(certFile.orElse(null), keyFile.orElse(null));
    return b.build();
  }

  /** The URL and how the boards log in; never the password. */
  @Override
  public String toString() {
    return url
        + username.map(u -> " as " + u).orElse("")
        + (password.isPresent() ? " with a password" : "")
        + (clientCertFile.isPresent() ? " with a client certificate" : "");
  }
}
