package io.edgeconf.agent.config;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.bridge.descriptor.DeviceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the agent, each also a key of the config file (see {@link ConfigKeys} and
 * docs/agent.md). Immutable; validated at construction. Build with {@link #builder()}.
 *
 * @param gatewayId the gateway id ({@code gateway})
 * @param groups the groups it belongs to ({@code groups}, comma-separated)
 * @param brokerUrl the external broker ({@code broker}); ignored with an embedded broker
 * @param brokerAuth credentials and TLS files for the external broker ({@code broker-username},
 *     {@code broker-password-file}, {@code broker-ca-file}, {@code broker-cert-file}, {@code
 *     broker-key-file}); ignored with an embedded broker
 * @param embeddedBrokerPort the embedded broker's port, empty for an external broker (0 = any)
 * @param stateDir the state directory ({@code state-dir})
 * @param trustDir the trusted public keys ({@code trust-dir})
 * @param inboxDir the watched inbox ({@code inbox}); default {@code <state-dir>/inbox}
 * @param coapPort the CoAP port for nRF52840 boards ({@code coap-port}; -1 disables CoAP)
 * @param coapBind the address the CoAP (or CoAP over DTLS) endpoint binds ({@code coap-bind}): an
 *     IP address or a host name; empty for every interface ({@code 0.0.0.0}, which the JVM's
 *     dual-stack sockets take as IPv6's {@code ::} too)
 * @param pskFile the DTLS pre-shared keys ({@code psk-file}), empty for plain CoAP
 * @param allowUnsigned accept unsigned modules ({@code allow-unsigned}; development only)
 * @param deviceTopicRoot the device protocol's MQTT topic root ({@code device-topic-root})
 * @param maxModuleBytes the module size limit ({@code max-module-bytes})
 * @param maxMemoryPages the module memory limit in 64 KiB pages ({@code max-memory-pages})
 * @param callTimeout the deadline of one module call ({@code call-timeout-ms})
 * @param pushTimeout the deadline of one push to a board ({@code push-timeout-ms})
 * @param inboxScan how often the inbox is scanned ({@code inbox-scan-ms})
 * @param wiringFile the gateway's GPIO wiring ({@code wiring-file}), empty for none
 * @param healthWindow replaces every policy's health window ({@code health-window-ms}), empty for
 *     the policy's own
 * @param firstHealthTimeout longest wait for a first healthy report ({@code
 *     first-health-timeout-ms})
 * @param revertTimeout time a reverted board has to report healthy ({@code revert-timeout-ms})
 * @param resetWait time a board has after a reset pulse ({@code reset-wait-ms})
 */
public record AgentConfig(
    String gatewayId,
    List<String> groups,
    String brokerUrl,
    BrokerAuth brokerAuth,
    Optional<Integer> embeddedBrokerPort,
    Path stateDir,
    Path trustDir,
    Path inboxDir,
    int coapPort,
    Optional<String> coapBind,
    Optional<Path> pskFile,
    boolean allowUnsigned,
    String deviceTopicRoot,
    int maxModuleBytes,
    int maxMemoryPages,
    Duration callTimeout,
    Duration pushTimeout,
    Duration inboxScan,
    Optional<Path> wiringFile,
    Optional<Duration> healthWindow,
    Duration firstHealthTimeout,
    Duration revertTimeout,
    Duration resetWait) {
  public AgentConfig {
    if (!DeviceId.isValid(gatewayId)) {
      throw invalid("gateway id '" + gatewayId + "' does not match [A-Za-z0-9._-]{1,64}");
    }
    groups = List.copyOf(groups);
    for (String g : groups) {
      if (!DeviceId.isValid(g)) {
        throw invalid("group '" + g + "' does not match [A-Za-z0-9._-]{1,64}");
      }
    }
    BrokerAuth.checkUrl(brokerUrl);
    embeddedBrokerPort = embeddedBrokerPort == null ? Optional.empty() : embeddedBrokerPort;
    if (embeddedBrokerPort.isPresent()
        && (embeddedBrokerPort.get() < 0 || embeddedBrokerPort.get() > 65535)) {
      throw invalid("embedded broker port " + embeddedBrokerPort.get() + " is not 0..65535");
    }
    brokerAuth = brokerAuth == null ? BrokerAuth.NONE : brokerAuth;
    if (embeddedBrokerPort.isEmpty()) { // the embedded broker ignores the TLS files
      brokerAuth.checkBroker(brokerUrl);
    }
    if (stateDir == null || trustDir == null || inboxDir == null) {
      throw invalid("state-dir, trust-dir and inbox must be given");
    }
    if (coapPort < -1 || coapPort > 65535) {
      throw invalid("coap-port " + coapPort + " is not -1..65535");
    }
    coapBind =
        coapBind == null
            ? Optional.empty()
            : coapBind
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .map(a -> BindAddress.check("coap-bind", a));
    pskFile = pskFile == null ? Optional.empty() : pskFile;
    if (maxModuleBytes < 1024 || maxMemoryPages < 1 || maxMemoryPages > 1024) {
      throw invalid("max-module-bytes >= 1024 and max-memory-pages in 1..1024 are required");
    }
    wiringFile = wiringFile == null ? Optional.empty() : wiringFile;
    healthWindow = healthWindow == null ? Optional.empty() : healthWindow;
    if (healthWindow.isPresent() && healthWindow.get().isNegative()) {
      throw invalid("health-window-ms must not be negative");
    }
    for (Duration d :
        List.of(
            callTimeout, pushTimeout, inboxScan, firstHealthTimeout, revertTimeout, resetWait)) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw invalid("timeouts and intervals must be positive");
      }
    }
  }

  private static AgentException invalid(String message) {
    return new AgentException(ErrorCode.MALFORMED, "configuration: " + message);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AgentConfig}; every setting starts at its documented default. */
  public static final class Builder {
    String gatewayId = "gw-1";
    List<String> groups = new ArrayList<>();
    String brokerUrl = "tcp://127.0.0.1:1883";
    String brokerUsername;
    Path brokerPasswordFile;
    Path brokerCaFile;
    Path brokerCertFile;
    Path brokerKeyFile;
    Integer embeddedBrokerPort;
    Path stateDir = Path.of("/var/lib/edgeconf");
    Path trustDir = Path.of("/etc/edgeconf/trusted-keys");
    Path inboxDir;
    int coapPort = 5683;
    String coapBind;
    Path pskFile;
    boolean allowUnsigned;
    String deviceTopicRoot = "ec/d";
    int maxModuleBytes = 64 * 1024;
    int maxMemoryPages = 2;
    Duration callTimeout = Duration.ofMillis(50);
    Duration pushTimeout = Duration.ofSeconds(30);
    Duration inboxScan = Duration.ofMillis(500);
    Path wiringFile;
    Duration healthWindow;
    Duration firstHealthTimeout = Duration.ofSeconds(10);
    Duration revertTimeout = Duration.ofSeconds(30);
    Duration resetWait = Duration.ofSeconds(30);

    public Builder gatewayId(String v) {
      gatewayId = v;
      return this;
    }

    public Builder group(String v) {
      groups.add(v);
      return this;
    }

    public Builder broker(String v) {
      brokerUrl = v;
      return this;
    }

    /** The broker user (null: none). */
    public Builder brokerUsername(String v) {
      brokerUsername = v;
      return this;
    }

    /** The file holding the broker password, read at start (null: none). */
    public Builder brokerPasswordFile(Path v) {
      brokerPasswordFile = v;
      return this;
    }

    /** PEM CA certificate(s) of the broker (null: the JDK's CAs). */
    public Builder brokerCaFile(Path v) {
      brokerCaFile = v;
      return this;
    }

    /** PEM client certificate (null: none); needs {@link #brokerKeyFile}. */
    public Builder brokerCertFile(Path v) {
      brokerCertFile = v;
      return this;
    }

    /** PEM PKCS#8 key of the client certificate (null: none); needs {@link #brokerCertFile}. */
    public Builder brokerKeyFile(Path v) {
      brokerKeyFile = v;
      return this;
    }

    /** Runs an embedded MQTT 5 broker on 127.0.0.1 at this port (0 = any free port). */
    public Builder embeddedBroker(int port) {
      embeddedBrokerPort = port;
      return this;
    }

    public Builder stateDir(Path v) {
      stateDir = v;
      return this;
    }

    public Builder trustDir(Path v) {
      trustDir = v;
      return this;
    }

    public Builder inbox(Path v) {
      inboxDir = v;
      return this;
    }

    public Builder coapPort(int v) {
      coapPort = v;
      return this;
    }

    /** The address the CoAP endpoint binds (null: every interface). */
    public Builder coapBind(String v) {
      coapBind = v;
      return this;
    }

    public Builder pskFile(Path v) {
      pskFile = v;
      return this;
    }

    public Builder allowUnsigned(boolean v) {
      allowUnsigned = v;
      return this;
    }

    public Builder deviceTopicRoot(String v) {
      deviceTopicRoot = v;
      return this;
    }

    public Builder maxModuleBytes(int v) {
      maxModuleBytes = v;
      return this;
    }

    public Builder maxMemoryPages(int v) {
      maxMemoryPages = v;
      return this;
    }

    public Builder callTimeout(Duration v) {
      callTimeout = v;
      return this;
    }

    public Builder pushTimeout(Duration v) {
      pushTimeout = v;
      return this;
    }

    public Builder inboxScan(Duration v) {
      inboxScan = v;
      return this;
    }

    /** The GPIO wiring file (null: none). */
    public Builder wiringFile(Path v) {
      wiringFile = v;
      return this;
    }

    /** Replaces every policy's health window (null: the policy's). */
    public Builder healthWindow(Duration v) {
      healthWindow = v;
      return this;
    }

    public Builder firstHealthTimeout(Duration v) {
      firstHealthTimeout = v;
      return this;
    }

    public Builder revertTimeout(Duration v) {
      revertTimeout = v;
      return this;
    }

    public Builder resetWait(Duration v) {
      resetWait = v;
      return this;
    }

    public AgentConfig build() {
      return new AgentConfig(
          gatewayId,
          groups,
          brokerUrl,
          new BrokerAuth(
              Optional.ofNullable(brokerUsername),
              Optional.ofNullable(brokerPasswordFile),
              Optional.ofNullable(brokerCaFile),
              Optional.ofNullable(brokerCertFile),
              Optional.ofNullable(brokerKeyFile)),
          Optional.ofNullable(embeddedBrokerPort),
          stateDir,
          trustDir,
          inboxDir == null ? stateDir.resolve("inbox") : inboxDir,
          coapPort,
          Optional.ofNullable(coapBind),
          Optional.ofNullable(pskFile),
          allowUnsigned,
          deviceTopicRoot,
          maxModuleBytes,
          maxMemoryPages,
          callTimeout,
          pushTimeout,
          inboxScan,
          Optional.ofNullable(wiringFile),
          Optional.ofNullable(healthWindow),
          firstHealthTimeout,
          revertTimeout,
          resetWait);
    }
  }
}
