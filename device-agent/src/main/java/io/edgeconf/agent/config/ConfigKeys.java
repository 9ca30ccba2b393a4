package io.edgeconf.agent.config;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

/**
 * The config file: {@code key = value} lines ({@link Properties} syntax, {@code #} comments). Every
 * key is also a command-line option of the same name ({@code --key value}). Keys and defaults are
 * listed once, in {@code agent.conf.sample} (a resource beside this class) and docs/agent.md.
 */
public final class ConfigKeys {
  /** Every key the file may hold. */
  public static final Set<String> KEYS =
      Set.of(
          "gateway",
          "groups",
          "broker",
          "broker-username",
          "broker-password-file",
          "broker-ca-file",
          "broker-cert-file",
          "broker-key-file",
          "embedded-broker",
          "state-dir",
          "trust-dir",
          "inbox",
          "coap-port",
          "coap-bind",
          "psk-file",
          "allow-unsigned",
          "device-topic-root",
          "max-module-bytes",
          "max-memory-pages",
          "call-timeout-ms",
          "push-timeout-ms",
          "inbox-scan-ms",
          "wiring-file",
          "health-window-ms",
          "first-health-timeout-ms",
          "revert-timeout-ms",
          "reset-wait-ms");

  private ConfigKeys() {}

  /**
   * Applies a config file to a builder.
   *
   * @throws AgentException ({@code malformed}) naming the unknown key or bad value
   */
  public static void apply(Path file, AgentConfig.Builder b) {
    var props = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException e) {
      throw new AgentException(
          ErrorCode.MALFORMED, "cannot read " + file + ": " + e.getMessage(), e);
    }
    for (String key : props.stringPropertyNames()) {
      set(b, key, props.getProperty(key).strip());
    }
  }

  /**
   * Sets one key.
   *
   * @throws AgentException ({@code malformed}) naming the unknown key or bad value
   */
  public static void set(AgentConfig.Builder b, String key, String value) {
    try {
      switch (key) {
        case "gateway" -> b.gatewayId(value);
        case "groups" -> {
          for (String g : value.split(",")) {
            if (!g.isBlank()) {
              b.group(g.strip());
            }
          }
        }
        case "broker" -> b.broker(value);
        case "broker-username" -> b.brokerUsername(value.isEmpty() ? null : value);
        case "broker-password-file" -> b.brokerPasswordFile(path(value));
        case "broker-ca-file" -> b.brokerCaFile(path(value));
        case "broker-cert-file" -> b.brokerCertFile(path(value));
        case "broker-key-file" -> b.brokerKeyFile(path(value));
        case "embedded-broker" -> {
          if (!value.isEmpty() && !value.equals("false")) {
            b.embeddedBroker(value.equals("true") ? 1883 : Integer.parseInt(value));
          }
        }
        // An empty path means "not set" (the default), never the working directory.
        case "state-dir" -> {
          if (!value.isEmpty()) {
            b.stateDir(Path.of(value));
          }
        }
        case "trust-dir" -> {
          if (!value.isEmpty()) {
            b.trustDir(Path.of(value));
          }
        }
        case "inbox" -> b.inbox(value.isEmpty() ? null : Path.of(value));
        case "coap-port" -> b.coapPort(Integer.parseInt(value));
        case "coap-bind" -> b.coapBind(value.isEmpty() ? null : BindAddress.check(key, value));
        case "psk-file" -> b.pskFile(value.isEmpty() ? null : Path.of(value));
        case "allow-unsigned" -> b.allowUnsigned(Boolean.parseBoolean(value));
        case "device-topic-root" -> b.deviceTopicRoot(value);
        case "max-module-bytes" -> b.maxModuleBytes(Integer.parseInt(value));
        case "max-memory-pages" -> b.maxMemoryPages(Integer.parseInt(value));
        case "call-timeout-ms" -> b.callTimeout(Duration.ofMillis(Long.parseLong(value)));
        case "push-timeout-ms" -> b.pushTimeout(Duration.ofMillis(Long.parseLong(value)));
        case "inbox-scan-ms" -> b.inboxScan(Duration.ofMillis(Long.parseLong(value)));
        case "wiring-file" -> b.wiringFile(value.isEmpty() ? null : Path.of(value));
        case "health-window-ms" ->
            b.healthWindow(value.isEmpty() ? null : Duration.ofMillis(Long.parseLong(value)));
        case "first-health-timeout-ms" ->
            b.firstHealthTimeout(Duration.ofMillis(Long.parseLong(value)));
        case "revert-timeout-ms" -> b.revertTimeout(Duration.ofMillis(Long.parseLong(value)));
        case "reset-wait-ms" -> b.resetWait(Duration.ofMillis(Long.parseLong(value)));
        default ->
            throw new AgentException(
                ErrorCode.MALFORMED, "unknown config key '" + key + "' (known: " + KEYS + ")");
      }
    } catch (NumberFormatException e) {
      throw new AgentException(
          ErrorCode.MALFORMED, "config key '" + key + "': '" + value + "' is not a number", e);
    }
  }

  /** An empty path means "not set" (the default), never the working directory. */
  private static Path path(String value) {
    return value.isEmpty() ? null : Path.of(value);
  }
}
