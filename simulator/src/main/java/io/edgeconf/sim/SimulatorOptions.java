package io.edgeconf.sim;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.descriptor.DeviceId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link Simulator} runs: the options of {@code edgeconf sim} (docs/cli.md) and a few more
 * for tests. Immutable; validated at construction. Build with {@link #builder()}.
 *
 * @param broker the MQTT broker ESP32-family boards and the control topic use, with the login and
 *     TLS files of their connections; empty for none (then only nRF52840 boards may run)
 * @param gatewayCoap {@code HOST:PORT} where nRF52840 boards register; empty: they do not register
 * @param counts how many boards of each catalogue board name, in catalogue order
 * @param idPrefix device ids are {@code PREFIX-BOARD-NNN}
 * @param policy the policy the boards' firmware names in {@code hello}
 * @param firmware the module the boards' firmware is built from; empty: each binds to the first
 *     image it accepts
 * @param psks DTLS pre-shared keys by device id (nRF52840 boards with a key speak CoAP over DTLS)
 * @param zones zones spread round-robin over the boards
 * @param tags tags and the share of boards that carry each
 * @param healthInterval time between two periodic health reports of a board
 * @param stateDir where flash slots persist; empty: in memory only
 * @param faults the faults set at start
 * @param registrationLifetime the lifetime nRF52840 boards register with ({@code lt})
 * @param rebootDelay how long a crashing or power-cut board stays dark before it boots again
 * @param fw the firmware version boards announce
 * @param coapHost the address nRF52840 boards serve on (ephemeral ports)
 * @param startTimeout how long {@link Simulator#start()} waits for every board to come up
 * @param clearRetainedOnClose whether closing deletes the boards' retained {@code hello}, {@code
 *     online} and {@code cfg} (tests on a shared broker)
 * @param deviceTopicRoot the MQTT topic root of the device protocol ({@code ec/d}); tests sharing a
 *     broker give each gateway and its boards their own root
 * @param clock the time source of uptimes and events
 */
public record SimulatorOptions(
    Optional<BrokerAccess> broker,
    Optional<String> gatewayCoap,
    Map<String, Integer> counts,
    String idPrefix,
    Optional<String> policy,
    Optional<FirmwareModule> firmware,
    Map<String, byte[]> psks,
    List<String> zones,
    Map<String, Double> tags,
    Duration healthInterval,
    Optional<Path> stateDir,
    List<TargetedFault> faults,
    Duration registrationLifetime,
    Duration rebootDelay,
    String fw,
    String coapHost,
    Duration startTimeout,
    boolean clearRetainedOnClose,
    String deviceTopicRoot,
    InstantSource clock) {
  /** The device protocol's topic root unless told otherwise. */
  public static final String DEFAULT_TOPIC_ROOT = "ec/d";

  public SimulatorOptions {
    deviceTopicRoot = deviceTopicRoot == null ? DEFAULT_TOPIC_ROOT : deviceTopicRoot;
    if (deviceTopicRoot.isEmpty()
        || deviceTopicRoot.startsWith("/")
        || deviceTopicRoot.endsWith("/")
        || deviceTopicRoot.contains("+")
        || deviceTopicRoot.contains("#")) {
      throw new IllegalArgumentException(
          "device topic root '"
              + deviceTopicRoot
              + "' must be a topic without wildcards or edge slashes");
    }
    broker = broker == null ? Optional.empty() : broker;
    gatewayCoap = gatewayCoap == null ? Optional.empty() : gatewayCoap;
    gatewayCoap.ifPresent(SimulatorOptions::requireHostPort);
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String board : BoardCatalogue.names()) {
      int n = counts == null ? 0 : counts.getOrDefault(board, 0);
      if (n < 0) {
        throw new IllegalArgumentException("--" + board + " " + n + " is negative");
      }
      ordered.put(board, n);
    }
    if (counts != null) {
      counts.keySet().forEach(BoardCatalogue::require);
    }
    counts = java.util.Collections.unmodifiableMap(ordered);
    if (idPrefix == null || !DeviceId.isValid(idPrefix + "-esp32-0001")) {
      throw new IllegalArgumentException("id prefix '" + idPrefix + "' does not make valid ids");
    }
    policy = policy == null ? Optional.empty() : policy.filter(p -> !p.isEmpty());
    firmware = firmware == null ? Optional.empty() : firmware;
    psks = Map.copyOf(psks == null ? Map.of() : psks);
    zones = List.copyOf(zones == null ? List.of() : zones);
    tags = Map.copyOf(tags == null ? Map.of() : tags);
    requirePositive("health interval", healthInterval);
    stateDir = stateDir == null ? Optional.empty() : stateDir;
    faults = List.copyOf(faults == null ? List.of() : faults);
    requirePositive("registration lifetime", registrationLifetime);
    if (registrationLifetime.toSeconds() < 1) {
      throw new IllegalArgumentException("registration lifetime is at least 1s");
    }
    requirePositive("reboot delay", rebootDelay);
    fw = fw == null ? "" : fw;
    if (coapHost == null || coapHost.isBlank()) {
      throw new IllegalArgumentException("a CoAP host is required");
    }
    requirePositive("start timeout", startTimeout);
    if (clock == null) {
      throw new IllegalArgumentException("a clock is required");
    }
    boolean mqttBoards =
        ordered.entrySet().stream()
            .anyMatch(
                e ->
                    e.getValue() > 0
                        && BoardCatalogue.require(e.getKey()).transport()
                            == io.edgeconf.bridge.catalogue.Transport.MQTT);
    if (mqttBoards && broker.isEmpty()) {
      throw new IllegalArgumentException("ESP32-family boards need a broker URL");
    }
  }

  private static void requirePositive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, not " + d);
    }
  }

  private static void requireHostPort(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try {
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      if (colon <= 0 || port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "gateway CoAP address '" + hostPort + "' is not HOST:PORT");
    }
  }

  /** The broker's URL as Paho takes it ({@code tcp://} or {@code ssl://}); empty for none. */
  public Optional<String> brokerUrl() {
    return broker.map(BrokerAccess::url);
  }

  /** The total number of boards. */
  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** A builder with the defaults of {@code edgeconf sim}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects options; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private String brokerUrl;
    private String brokerUser;
    private String brokerPassword;
    private Path brokerCaFile;
    private Path brokerCertFile;
    private Path brokerKeyFile;
    private String gatewayCoap;
    private final Map<String, Integer> counts = new HashMap<>();
    private String idPrefix = "sim";
    private String policy;
    private FirmwareModule firmware;
    private Map<String, byte[]> psks = Map.of();
    private List<String> zones = List.of();
    private Map<String, Double> tags = Map.of();
    private Duration healthInterval = Duration.ofSeconds(2);
    private Path stateDir;
    private List<TargetedFault> faults = List.of();
    private Duration registrationLifetime = Duration.ofSeconds(60);
    private Duration rebootDelay = Duration.ofMillis(500);
    private String fw = "1.0.0";
    private String coapHost = "127.0.0.1";
    private Duration startTimeout = Duration.ofSeconds(60);
    private boolean clearRetainedOnClose;
    private String deviceTopicRoot = DEFAULT_TOPIC_ROOT;
    private InstantSource clock = InstantSource.system();

    private Builder() {}

    /** The broker's URL; blank or null for none. */
    public Builder broker(String url) {
      this.brokerUrl = url;
      return this;
    }

    /** The broker's URL, login and TLS files (replacing any set before). */
    public Builder broker(BrokerAccess access) {
      brokerUrl = access.url();
      brokerUser = access.username().orElse(null);
      brokerPassword = access.password().orElse(null);
      brokerCaFile = access.caFile().orElse(null);
      brokerCertFile = access.clientCertFile().orElse(null);
      brokerKeyFile = access.clientKeyFile().orElse(null);
      return this;
    }

    /** The broker user and password ({@code null} for none). */
    public Builder brokerLogin(String user, String password) {
      this.brokerUser = user;
      this.brokerPassword = password;
      return this;
    }

    /** The PEM CA certificate(s) of a TLS broker's certificate (default: the JDK's CAs). */
    public Builder brokerCaFile(Path file) {
      this.brokerCaFile = file;
      return this;
    }

    /** The PEM client certificate for a TLS broker and its unencrypted PKCS#8 key. */
    public Builder brokerClientCertificate(Path certFile, Path keyFile) {
      this.brokerCertFile = certFile;
      this.brokerKeyFile = keyFile;
      return this;
    }

    public Builder gatewayCoap(String hostPort) {
      this.gatewayCoap = hostPort;
      return this;
    }

    /** How many boards of this catalogue board name (replaces an earlier count). */
    public Builder boards(String board, int count) {
      BoardCatalogue.require(board);
      counts.put(board, count);
      return this;
    }

    public Builder idPrefix(String prefix) {
      this.idPrefix = prefix;
      return this;
    }

    public Builder policy(String name) {
      this.policy = name;
      return this;
    }

    public Builder firmware(FirmwareModule module) {
      this.firmware = module;
      return this;
    }

    /**
     * Reads the module's metadata now.
     *
     * @throws FirmwareModuleException when it cannot
     */
    public Builder firmware(Path module) {
      return firmware(FirmwareModule.read(module));
    }

    public Builder psks(Map<String, byte[]> keys) {
      this.psks = keys;
      return this;
    }

    /**
     * Reads the PSK file now (format: {@link io.edgeconf.bridge.transport.PskFile}, shared with the
     * gateway).
     *
     * @throws io.edgeconf.bridge.transport.TransportConfigException when it cannot
     */
    public Builder pskFile(Path file) {
      return psks(io.edgeconf.bridge.transport.PskFile.load(file));
    }

    public Builder zones(List<String> zones) {
      this.zones = zones;
      return this;
    }

    public Builder tags(Map<String, Double> fractions) {
      this.tags = fractions;
      return this;
    }

    public Builder healthInterval(Duration interval) {
      this.healthInterval = interval;
      return this;
    }

    public Builder stateDir(Path dir) {
      this.stateDir = dir;
      return this;
    }

    public Builder faults(List<TargetedFault> faults) {
      this.faults = faults;
      return this;
    }

    /**
     * @throws FaultSpecException naming the item that is wrong
     */
    public Builder faults(String spec) {
      return faults(FaultSpec.parse(spec));
    }

    public Builder registrationLifetime(Duration lifetime) {
      this.registrationLifetime = lifetime;
      return this;
    }

    public Builder rebootDelay(Duration delay) {
      this.rebootDelay = delay;
      return this;
    }

    public Builder fw(String version) {
      this.fw = version;
      return this;
    }

    public Builder coapHost(String host) {
      this.coapHost = host;
      return this;
    }

    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    public Builder clearRetainedOnClose(boolean clear) {
      this.clearRetainedOnClose = clear;
      return this;
    }

    public Builder deviceTopicRoot(String root) {
      this.deviceTopicRoot = root;
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the option that is wrong
     */
    public SimulatorOptions build() {
      return new SimulatorOptions(
          brokerAccess(),
          Optional.ofNullable(gatewayCoap).filter(s -> !s.isBlank()),
          counts,
          idPrefix,
          Optional.ofNullable(policy),
          Optional.ofNullable(firmware),
          psks,
          zones,
          tags,
          healthInterval,
          Optional.ofNullable(stateDir),
          faults,
          registrationLifetime,
          rebootDelay,
          fw,
          coapHost,
          startTimeout,
          clearRetainedOnClose,
          deviceTopicRoot,
          clock);
    }

    private Optional<BrokerAccess> brokerAccess() {
      if (brokerUrl == null || brokerUrl.isBlank()) {
        if (brokerUser != null
            || brokerPassword != null
            || brokerCaFile != null
            || brokerCertFile != null
            || brokerKeyFile != null) {
          throw new IllegalArgumentException("the broker login and TLS files need a broker URL");
        }
        return Optional.empty();
      }
      return Optional.of(
          new BrokerAccess(
              brokerUrl,
              Optional.ofNullable(brokerUser),
              Optional.ofNullable(brokerPassword),
              Optional.ofNullable(brokerCaFile),
              Optional.ofNullable(brokerCertFile),
              Optional.ofNullable(brokerKeyFile)));
    }
  }
}
