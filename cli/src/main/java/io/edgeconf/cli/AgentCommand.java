package io.edgeconf.cli;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.ConfigKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeconf agent}: runs the gateway agent until it is stopped (SIGTERM, Ctrl-C). */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Run the gateway agent.")
final class AgentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "a config file (key = value)")
  Path config;

  @Option(names = "--broker", paramLabel = "URL", description = "the MQTT broker")
  String broker;

  @Option(names = "--broker-username", paramLabel = "USER", description = "the broker user")
  String brokerUsername;

  @Option(
      names = "--broker-password-file",
      paramLabel = "FILE",
      description = "a file holding the broker password (needs --broker-username)")
  String brokerPasswordFile;

  @Option(
      names = "--broker-ca-file",
      paramLabel = "FILE",
      description = "PEM CA certificate(s) of an ssl:// broker (default: the JDK's CAs)")
  String brokerCaFile;

  @Option(
      names = "--broker-cert-file",
      paramLabel = "FILE",
      description = "PEM client certificate for an ssl:// broker (needs --broker-key-file)")
  String brokerCertFile;

  @Option(
      names = "--broker-key-file",
      paramLabel = "FILE",
      description = "PEM PKCS#8 key of the client certificate")
  String brokerKeyFile;

  @Option(
      names = "--embedded-broker",
      paramLabel = "PORT",
      arity = "0..1",
      fallbackValue = "1883",
      description = "run an embedded MQTT 5 broker on 127.0.0.1 (default port 1883; 0 = any)")
  Integer embeddedBroker;

  @Option(names = "--gateway", paramLabel = "ID", description = "the gateway id")
  String gateway;

  @Option(names = "--group", paramLabel = "G", description = "a group (repeatable)")
  List<String> groups = new ArrayList<>();

  @Option(names = "--state-dir", paramLabel = "DIR", description = "default /var/lib/edgeconf")
  String stateDir;

  @Option(
      names = "--trust-dir",
      paramLabel = "DIR",
      description = "default /etc/edgeconf/trusted-keys")
  String trustDir;

  @Option(names = "--inbox", paramLabel = "DIR", description = "default <state-dir>/inbox")
  String inbox;

  @Option(names = "--coap-port", paramLabel = "N", description = "default 5683; -1 for none")
  Integer coapPort;

  @Option(
      names = "--coap-bind",
      paramLabel = "ADDR",
      description = "address of the CoAP endpoint (default: every interface)")
  String coapBind;

  @Option(names = "--psk-file", paramLabel = "FILE", description = "DTLS keys for nRF52840 boards")
  String pskFile;

  @Option(
      names = "--wiring-file",
      paramLabel = "FILE",
      description = "GPIO wiring: status LED, reset lines, button (docs/hardware.md)")
  String wiringFile;

  @Option(names = "--allow-unsigned", description = "accept unsigned modules (development only)")
  boolean allowUnsigned;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "any config key (repeatable)")
  List<String> settings = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    AgentConfig cfg;
    try {
      var b = AgentConfig.builder();
      if (config != null) {
        ConfigKeys.apply(config, b);
      }
      for (String s : settings) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
          err.println("edgeconf agent: --set needs KEY=VALUE, not '" + s + "'");
          return ExitCodes.USAGE;
        }
        ConfigKeys.set(b, s.substring(0, eq).strip(), s.substring(eq + 1).strip());
      }
      set(b, "broker", broker);
      set(b, "broker-username", brokerUsername);
      set(b, "broker-password-file", brokerPasswordFile);
      set(b, "broker-ca-file", brokerCaFile);
      set(b, "broker-cert-file", brokerCertFile);
      set(b, "broker-key-file", brokerKeyFile);
      set(b, "embedded-broker", embeddedBroker == null ? null : embeddedBroker.toString());
      set(b, "gateway", gateway);
      set(b, "groups", groups.isEmpty() ? null : String.join(",", groups));
      set(b, "state-dir", stateDir);
      set(b, "trust-dir", trustDir);
      set(b, "inbox", inbox);
      set(b, "coap-port", coapPort == null ? null : coapPort.toString());
      set(b, "coap-bind", coapBind);
      set(b, "psk-file", pskFile);
      set(b, "wiring-file", wiringFile);
      if (allowUnsigned) {
        b.allowUnsigned(true);
      }
      cfg = b.build();
    } catch (AgentException e) {
      err.println("edgeconf agent: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    var stopped = new CountDownLatch(1);
    var agent = new GatewayAgent(cfg);
    try {
      agent.start();
    } catch (AgentException e) {
      err.println("edgeconf agent: cannot start: " + e.getMessage());
      agent.close();
      return ExitCodes.CANNOT_RUN;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  stopped.countDown();
                },
                "ec-shutdown"));
    stopped.await();
    return ExitCodes.DONE;
  }

  private static void set(AgentConfig.Builder b, String key, String value) {
    if (value != null) {
      ConfigKeys.set(b, key, value);
    }
  }
}
