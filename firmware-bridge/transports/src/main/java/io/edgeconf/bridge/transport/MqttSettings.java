package io.edgeconf.bridge.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the MQTT transport reaches the broker. Immutable; validated at construction. Build with
 * {@link #builder(String, String)}.
 *
 * @param brokerUri {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId the gateway's MQTT client id
 * @param topicRoot the topic prefix before {@code <device-id>/…}; {@code ec/d} in production,
 *     something unique in tests sharing a broker
 * @param username the broker user, empty for none
 * @param password the broker password, empty for none (needs a username)
 * @param caFile PEM file of the CA(s) that sign the broker's certificate, empty for the JDK's
 * @param clientCertFile PEM client certificate chain for mutual TLS, empty for none
 * @param clientKeyFile PEM (PKCS#8, unencrypted) key of the client certificate
 * @param keepAlive MQTT keep-alive interval (default 30 s)
 * @param connectTimeout how long one connection attempt may take (default 10 s)
 * @param reconnectMinDelay first delay before reconnecting (default 1 s)
 * @param reconnectMaxDelay longest delay between reconnection attempts (default 30 s)
 * @param maxInflight publishes awaiting a PUBACK at once, below the broker's Receive Maximum
 *     (default 16; Mosquitto allows 20)
 * @param maxQueuedPublishes bound of the outgoing queue; beyond it calls fail with {@link
 *     TransportBusyException} (default 10000)
 * @param maxBoards most boards tracked; more are counted as {@link BadInput#CAPACITY} (default
 *     10000)
 * @param maxMessagesPerSecond messages one board may send per second (burst: twice that) before the
 *     rest count as {@link BadInput#FLOOD} (default 50)
 * @param maxPendingInbound received messages waiting to be handled; beyond it they count as {@link
 *     BadInput#FLOOD} (default 10000)
 */
public record MqttSettings(
    String brokerUri,
    String clientId,
    String topicRoot,
    Optional<String> username,
    Optional<String> password,
    Optional<Path> caFile,
    Optional<Path> clientCertFile,
    Optional<Path> clientKeyFile,
    Duration keepAlive,
    Duration connectTimeout,
    Duration reconnectMinDelay,
    Duration reconnectMaxDelay,
    int maxInflight,
    int maxQueuedPublishes,
    int maxBoards,
    double maxMessagesPerSecond,
    int maxPendingInbound) {
  /** The production topic root of the device protocol. */
  public static final String DEFAULT_TOPIC_ROOT = "ec/d";

  /**
   * The broker URL as Paho takes it: Paho knows {@code tcp://} and {@code ssl://} only, and {@code
   * mqtt://} and {@code mqtts://} are the same connections. Other URLs are returned as given.
   */
  public static String pahoUri(String url) {
    if (url.startsWith("mqtt://")) {
      return "tcp://" + url.substring("mqtt://".length());
    }
    if (url.startsWith("mqtts://")) {
      return "ssl://" + url.substring("mqtts://".length());
    }
    return url;
  }

  public MqttSettings {
    if (brokerUri == null
        || !(brokerUri.startsWith("tcp://")
            || brokerUri.startsWith("ssl://")
            || brokerUri.startsWith("mqtt://")
            || brokerUri.startsWith("mqtts://"))) {
      throw new TransportConfigException(
          "brokerUri '" + brokerUri + "' must start with tcp://, ssl://, mqtt:// or mqtts://");
    }
    brokerUri = pahoUri(brokerUri);
    if (clientId == null || clientId.isEmpty() || clientId.length() > 128) {
      throw new TransportConfigException("clientId '" + clientId + "' must be 1 to 128 chars");
    }
    if (topicRoot == null
        || topicRoot.isEmpty()
        || topicRoot.endsWith("/")
        || topicRoot.contains("+")
        || topicRoot.contains("#")) {
      throw new TransportConfigException(
          "topicRoot '" + topicRoot + "' must be non-empty, without wildcards or a trailing /");
    }
    username = username == null ? Optional.empty() : username;
    password = password == null ? Optional.empty() : password;
    caFile = caFile == null ? Optional.empty() : caFile;
    clientCertFile = clientCertFile == null ? Optional.empty() : clientCertFile;
    clientKeyFile = clientKeyFile == null ? Optional.empty() : clientKeyFile;
    if (password.isPresent() && username.isEmpty()) {
      throw new TransportConfigException("a password needs a username");
    }
    if (clientCertFile.isPresent() != clientKeyFile.isPresent()) {
      throw new TransportConfigException("clientCertFile and clientKeyFile go together");
    }
    positive("keepAlive", keepAlive);
    positive("connectTimeout", connectTimeout);
    positive("reconnectMinDelay", reconnectMinDelay);
    positive("reconnectMaxDelay", reconnectMaxDelay);
    if (reconnectMaxDelay.compareTo(reconnectMinDelay) < 0) {
      throw new TransportConfigException("reconnectMaxDelay is less than reconnectMinDelay");
    }
    atLeastOne("maxInflight", maxInflight);
    atLeastOne("maxQueuedPublishes", maxQueuedPublishes);
    atLeastOne("maxBoards", maxBoards);
    atLeastOne("maxPendingInbound", maxPendingInbound);
    if (!(maxMessagesPerSecond > 0)) {
      throw new TransportConfigException("maxMessagesPerSecond " + maxMessagesPerSecond);
    }
  }

  /** Like the record's, without the password. */
  @Override
  public String toString() {
    return "MqttSettings[brokerUri="
        + brokerUri
        + ", clientId="
        + clientId
        + ", topicRoot="
        + topicRoot
        + ", username="
        + username.orElse("")
        + ", password="
        + (password.isPresent() ? "***" : "")
        + ", tls="
        + tls()
        + "]";
  }

  /** Whether the connection uses TLS. */
  public boolean tls() {
    return brokerUri.startsWith("ssl://");
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new TransportConfigException(name + " " + d + " must be positive");
    }
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new TransportConfigException(name + " " + value + " must be at least 1");
    }
  }

  public static Builder builder(String brokerUri, String clientId) {
    return new Builder(brokerUri, clientId);
  }

  /** Builds {@link MqttSettings}; every setting has the default documented there. */
  public static final class Builder {
    private final String brokerUri;
    private final String clientId;
    private String topicRoot = DEFAULT_TOPIC_ROOT;
    private String username;
    private String password;
    private Path caFile;
    private Path clientCertFile;
    private Path clientKeyFile;
    private Duration keepAlive = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration reconnectMinDelay = Duration.ofSeconds(1);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);
    private int maxInflight = 16;
    private int maxQueuedPublishes = 10_000;
    private int maxBoards = 10_000;
    private double maxMessagesPerSecond = 50;
    private int maxPendingInbound = 10_000;

    private Builder(String brokerUri, String clientId) {
      this.brokerUri = brokerUri;
      this.clientId = clientId;
    }

    public Builder topicRoot(String value) {
      this.topicRoot = value;
      return this;
    }

    public Builder credentials(String user, String pass) {
      this.username = user;
      this.password = pass;
      return this;
    }

    public Builder caFile(Path value) {
      this.caFile = value;
      return this;
    }

    public Builder clientCertificate(Path certFile, Path keyFile) {
      this.clientCertFile = certFile;
      this.clientKeyFile = keyFile;
      return this;
    }

    public Builder keepAlive(Duration value) {
      this.keepAlive = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder reconnectDelay(Duration min, Duration max) {
      this.reconnectMinDelay = min;
      this.reconnectMaxDelay = max;
      return this;
    }

    public Builder maxInflight(int value) {
      this.maxInflight = value;
      return this;
    }

    public Builder maxQueuedPublishes(int value) {
      this.maxQueuedPublishes = value;
      return this;
    }

    public Builder maxBoards(int value) {
      this.maxBoards = value;
      return this;
    }

    public Builder maxMessagesPerSecond(double value) {
      this.maxMessagesPerSecond = value;
      return this;
    }

    public Builder maxPendingInbound(int value) {
      this.maxPendingInbound = value;
      return this;
    }

    public MqttSettings build() {
      return new MqttSettings(
          brokerUri,
          clientId,
          topicRoot,
          Optional.ofNullable(username),
          Optional.ofNullable(password),
          Optional.ofNullable(caFile),
          Optional.ofNullable(clientCertFile),
          Optional.ofNullable(clientKeyFile),
          Objects.requireNonNull(keepAlive),
          connectTimeout,
          reconnectMinDelay,
          reconnectMaxDelay,
          maxInflight,
          maxQueuedPublishes,
          maxBoards,
          maxMessagesPerSecond,
          maxPendingInbound);
    }
  }
}
