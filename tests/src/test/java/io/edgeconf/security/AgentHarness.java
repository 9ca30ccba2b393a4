package io.edgeconf.security;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.transport.PskFile;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorOptions;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real agent on the shared Mosquitto (127.0.0.1:1883) under a random gateway id, trusting one
 * key, with CoAP on an ephemeral port (optionally DTLS-PSK, with a key for each simulated nRF52840
 * board), optional simulated boards, and a management client.
 */
final class AgentHarness implements AutoCloseable {
  static final String BROKER = "tcp://127.0.0.1:1883";

  final String gw = "sec-" + UUID.randomUUID().toString().substring(0, 8);
  final KeyPair key = Ed25519Keys.generate();
  final int coapPort;
  final GatewayAgent agent;
  final Requester client;

  /** The DTLS keys of the nRF52840 boards by device id; empty for plain CoAP. */
  final Map<String, byte[]> psks = new LinkedHashMap<>();

  Simulator sim;

  AgentHarness(Path dir, boolean coap) throws Exception {
    this(dir, coap, 0);
  }

  /**
   * An agent whose CoAP endpoint speaks DTLS-PSK only, with random keys for the first {@code
   * dtlsBoards} nRF52840 boards of {@link #boards}, when {@code dtlsBoards > 0}.
   */
  AgentHarness(Path dir, boolean coap, int dtlsBoards) throws Exception {
    Files.createDirectories(dir.resolve("trust"));
    Ed25519Keys.writePublicKey(dir.resolve("trust").resolve("test.pub"), key.getPublic());
    int port = -1;
    if (coap) {
      try (var s = new DatagramSocket(0)) {
        port = s.getLocalPort();
      }
    }
    coapPort = port;
    var random = new SecureRandom();
    for (int i = 1; i <= dtlsBoards; i++) {
      byte[] k = new byte[16];
      random.nextBytes(k);
      psks.put(String.format("%s-nrf52840-%03d", gw, i), k);
    }
    var config =
        AgentConfig.builder()
            .gatewayId(gw)
            .broker(BROKER)
            .stateDir(dir.resolve("state"))
            .trustDir(dir.resolve("trust"))
            .coapPort(coapPort)
            .pushTimeout(Duration.ofSeconds(20));
    if (!psks.isEmpty()) {
      Path file = dir.resolve("psk.txt");
      List<String> lines = new ArrayList<>();
      psks.forEach((id, k) -> lines.add(PskFile.line(id, k)));
      Files.write(file, lines);
      config.pskFile(file);
    }
    agent = new GatewayAgent(config.build());
    agent.start();
    await().atMost(Duration.ofSeconds(30)).until(agent::connected);
    client = new Requester(BROKER);
  }

  /** Starts simulated boards whose ids begin with the gateway id; waits until all registered. */
  void boards(int esp32, int nrf52840) {
    var options =
        SimulatorOptions.builder()
            .broker(BROKER)
            .gatewayCoap("127.0.0.1:" + coapPort)
            .boards("esp32", esp32)
            .boards("nrf52840", nrf52840)
            .idPrefix(gw)
            .zones(List.of("north", "south"))
            .healthInterval(Duration.ofSeconds(1))
            .clearRetainedOnClose(true)
            .psks(psks)
            .build();
    sim = Simulator.start(options);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> agent.service().devices().all().size() >= esp32 + nrf52840);
  }

  JsonNode command(String verb, byte[] payload) throws Exception {
    return client.request(Topics.command(gw, verb), payload);
  }

  JsonNode status() throws Exception {
    return command("status", "{}".getBytes(StandardCharsets.UTF_8));
  }

  /** The active module of a policy as the status document shows it. */
  JsonNode active(String policy) throws Exception {
    return status().path("policies").path(policy).path("active");
  }

  /** Deploys and waits until every simulated board runs {@code version}. */
  void deployAndConverge(byte[] module, long version) throws Exception {
    JsonNode answer = command("deploy", module);
    if (!answer.path("ok").asBoolean()) {
      throw new AssertionError("deploy refused: " + answer);
    }
    if (sim != null) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> sim.boards().stream().allMatch(b -> b.version() == version));
    }
    idle();
  }

  /** Waits until no rollout runs. */
  void idle() {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status().path("state").asText().equals("idle"));
  }

  @Override
  public void close() throws Exception {
    try {
      if (sim != null) {
        sim.close();
      }
      client.close();
    } finally {
      agent.close();
    }
  }
}
