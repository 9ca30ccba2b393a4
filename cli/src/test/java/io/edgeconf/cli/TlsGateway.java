package io.edgeconf.cli;

import static org.awaitility.Awaitility.await;

import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.ConfigKeys;
import io.edgeconf.agent.testing.Greenhouse;
import io.edgeconf.agent.testing.TestPki;
import io.edgeconf.agent.testing.TlsBroker;
import io.edgeconf.bridge.module.Ed25519Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A production-like Mosquitto (TLS only, a client certificate of the test CA required, a user name
 * and password) with an agent on it that trusts the key the signed greenhouse module (v7) is signed
 * with; a second, rogue CA for wrong-CA cases. For the ITs that run commands against it.
 */
final class TlsGateway implements AutoCloseable {
  static final String USER = "ops-tls";
  static final String PASSWORD = "op s3cret";

  final String gateway;
  final TestPki pki;
  final TestPki rogue;
  final TlsBroker broker;
  final Path passwordFile;
  final Path module;
  final GatewayAgent agent;

  private TlsGateway(
      String gateway,
      TestPki pki,
      TestPki rogue,
      TlsBroker broker,
      Path passwordFile,
      Path module,
      GatewayAgent agent) {
    this.gateway = gateway;
    this.pki = pki;
    this.rogue = rogue;
    this.broker = broker;
    this.passwordFile = passwordFile;
    this.module = module;
    this.agent = agent;
  }

  /** Starts the broker and the agent in {@code dir} and waits until the agent is connected. */
  static TlsGateway start(Path dir, String gateway) throws Exception {
    var pki = TestPki.create(dir.resolve("pki"), "edgeconf-test-ca");
    var rogue = TestPki.create(dir.resolve("rogue"), "rogue-ca");
    var broker = TlsBroker.start(dir.resolve("broker"), pki, USER, PASSWORD);
    GatewayAgent agent = null;
    try {
      Path passwordFile = Files.writeString(dir.resolve("broker.pass"), PASSWORD + "\n");
      var key = Ed25519Keys.generate();
      Greenhouse.trust(key, dir.resolve("trust"));
      Path module = Files.write(dir.resolve("greenhouse.wasm"), Greenhouse.module(key, 7));
      Map<String, String> keys = new LinkedHashMap<>();
      keys.put("gateway", gateway);
      keys.put("state-dir", dir.resolve("state").toString());
      keys.put("trust-dir", dir.resolve("trust").toString());
      keys.put("coap-port", "-1");
      keys.put("broker", broker.url());
      keys.put("broker-username", USER);
      keys.put("broker-password-file", passwordFile.toString());
      keys.put("broker-ca-file", pki.caCert.toString());
      keys.put("broker-cert-file", pki.clientCert.toString());
      keys.put("broker-key-file", pki.clientKey.toString());
      var b = AgentConfig.builder();
      keys.forEach((k, v) -> ConfigKeys.set(b, k, v));
      agent = new GatewayAgent(b.build());
      agent.start();
      await().atMost(Duration.ofSeconds(90)).until(agent::connected);
      return new TlsGateway(gateway, pki, rogue, broker, passwordFile, module, agent);
    } catch (Exception | Error e) {
      if (agent != null) {
        agent.close();
      }
      broker.close();
      throw e;
    }
  }

  /** The broker options of an operator's workstation, {@code --broker} as {@code mqtts://}. */
  Map<String, String> brokerOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    // mqtts:// as an operator may write it: the same connection as ssl://.
    options.put("--broker", mqttsUrl());
    options.put("--broker-username", USER);
    options.put("--broker-password-file", passwordFile.toString());
    options.put("--broker-ca-file", pki.caCert.toString());
    options.put("--broker-cert-file", pki.clientCert.toString());
    options.put("--broker-key-file", pki.clientKey.toString());
    return options;
  }

  String mqttsUrl() {
    return broker.url().replace("ssl://", "mqtts://");
  }

  /** The device ids the agent knows. */
  List<String> knownDevices() {
    return agent.service().devices().all().stream().map(d -> d.id()).toList();
  }

  @Override
  public void close() throws Exception {
    try {
      agent.close();
    } finally {
      broker.close();
    }
  }
}
