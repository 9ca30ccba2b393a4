package io.edgeconf.agent.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.sim.BoardSnapshot;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorOptions;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An agent (in this JVM) on a broker with the CoAP endpoint on an ephemeral port, a simulator with
 * ESP32 (MQTT) and nRF52840 (CoAP) boards pointed at it, and an operator's MQTT client. Short
 * timeouts so rollouts take seconds; health windows come from the module's rollout block.
 */
public final class RolloutRig implements AutoCloseable {
  /** A short rollout block: canary half the boards, no threshold trips, 2 s health window. */
  public static final String LENIENT = "  canary 50%\n  max_failures 100%\n  health_window 2s";

  public static final Duration LONG = Duration.ofSeconds(90);

  public final String gateway;
  public final KeyPair key;
  public final Path dir;
  public final String broker;
  public final int coapPort;
  public GatewayAgent agent;
  public Simulator sim;
  public MqttRequester client;
  public PrivateBroker privateBroker;

  private RolloutRig(String gateway, KeyPair key, Path dir, String broker, int coapPort) {
    this.gateway = gateway;
    this.key = key;
    this.dir = dir;
    this.broker = broker;
    this.coapPort = coapPort;
  }

  /** A rig without agent or simulator yet: ids, key, trust directory, CoAP port. */
  public static RolloutRig prepare(Path dir, String broker) throws Exception {
    var key = Ed25519Keys.generate();
    Greenhouse.trust(key, dir.resolve("trust"));
    int port;
    try (var s = new DatagramSocket(0)) {
      port = s.getLocalPort();
    }
    String gw = "ro" + UUID.randomUUID().toString().substring(0, 8);
    return new RolloutRig(gw, key, dir, broker, port);
  }

  /**
   * Starts a private broker, an agent, {@code esp32} ESP32 and {@code nrf} nRF52840 boards and the
   * client.
   */
  public static RolloutRig start(Path dir, int esp32, int nrf) throws Exception {
    return start(dir, esp32, nrf, b -> b);
  }

  /** As {@link #start(Path, int, int)}, with other agent settings. */
  public static RolloutRig start(
      Path dir, int esp32, int nrf, UnaryOperator<AgentConfig.Builder> tweak) throws Exception {
    var broker = PrivateBroker.start(dir.resolve("broker"));
    var rig = prepare(dir, broker.url());
    rig.privateBroker = broker;
    rig.startAgent(tweak);
    rig.startSimulator(esp32, nrf, "");
    rig.client = new MqttRequester(broker.url(), rig.gateway);
    rig.awaitDevices(esp32 + nrf);
    return rig;
  }

  /** The agent's settings in tests (short timeouts). */
  public AgentConfig.Builder config() {
    return AgentConfig.builder()
        .gatewayId(gateway)
        .broker(broker)
        .stateDir(dir.resolve("state"))
        .trustDir(dir.resolve("trust"))
        .coapPort(coapPort)
        .pushTimeout(Duration.ofSeconds(4))
        .firstHealthTimeout(Duration.ofSeconds(3))
        .revertTimeout(Duration.ofSeconds(4))
        .resetWait(Duration.ofSeconds(1))
        .inboxScan(Duration.ofSeconds(5));
  }

  public void startAgent(UnaryOperator<AgentConfig.Builder> tweak) {
    agent = new GatewayAgent(tweak.apply(config()).build());
    agent.start();
    await().atMost(LONG).until(agent::connected);
  }

  public void startSimulator(int esp32, int nrf, String faults) {
    var options =
        SimulatorOptions.builder()
            .broker(broker)
            .gatewayCoap("127.0.0.1:" + coapPort)
            .idPrefix(gateway)
            .zones(List.of("north", "south"))
            .healthInterval(Duration.ofMillis(400));
    if (esp32 > 0) {
      options.boards("esp32", esp32);
    }
    if (nrf > 0) {
      options.boards("nrf52840", nrf);
    }
    if (!faults.isEmpty()) {
      options.faults(faults);
    }
    sim = Simulator.start(options.build());
  }

  /** Waits until the agent knows this many boards, all online. */
  public void awaitDevices(int n) throws Exception {
    await()
        .atMost(LONG)
        .until(
            () -> {
              JsonNode d = command("devices", "{}").path("devices");
              int online = 0;
              for (JsonNode e : d) {
                online += e.path("online").asBoolean() ? 1 : 0;
              }
              return online >= n;
            });
  }

  /** The id of a simulated board, e.g. {@code id("esp32", 1)}. */
  public String id(String board, int n) {
    return String.format("%s-%s-%03d", gateway, board, n);
  }

  public JsonNode command(String verb, String json) throws Exception {
    return client.request(Topics.command(gateway, verb), json.getBytes(StandardCharsets.UTF_8));
  }

  /** Deploys a version with a rollout block; fails unless accepted. */
  public JsonNode deploy(long version, String rolloutBlock) throws Exception {
    JsonNode a =
        client.request(
            Topics.command(gateway, "deploy"), Greenhouse.module(key, version, rolloutBlock));
    assertTrue(a.path("ok").asBoolean(), a.toString());
    return a;
  }

  /** Waits for the event of a rollout ({@code rollout_completed}, ...) and returns it. */
  public JsonNode awaitEvent(String rolloutId, String event) {
    await().atMost(LONG).until(() -> event(rolloutId, event) != null);
    return event(rolloutId, event);
  }

  public JsonNode event(String rolloutId, String event) {
    return client.events.stream()
        .filter(e -> e.path("event").asText().equals(event))
        .filter(e -> e.path("rollout").asText().equals(rolloutId))
        .findFirst()
        .orElse(null);
  }

  /** The device entries by id. */
  public Map<String, JsonNode> devices() throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode d : command("devices", "{}").path("devices")) {
      out.put(d.path("id").asText(), d);
    }
    return out;
  }

  /**
   * Waits until every simulated board runs its desired image (version and CRC of its device entry)
   * and returns the entries.
   */
  public Map<String, JsonNode> awaitBoardsOnDesired() throws Exception {
    var mismatch = new java.util.concurrent.atomic.AtomicReference<String>();
    try {
      await()
          .atMost(LONG)
          .until(
              () -> {
                Map<String, JsonNode> d = devices();
                List<String> wrong = new java.util.ArrayList<>();
                for (BoardSnapshot b : sim.boards()) {
                  JsonNode want = d.get(b.id()).path("desired");
                  // A desired image of null: the board is to run none (version 0, CRC 0).
                  if (want.path("version").asLong() != b.version()
                      || !want.path("crc").asText("00000000").equals(Crc32c.hex(b.crc()))) {
                    wrong.add(b.id() + " runs v" + b.version() + ", entry " + d.get(b.id()));
                  }
                }
                mismatch.set(String.join("\n", wrong));
                return wrong.isEmpty();
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("boards not on their desired image:\n" + mismatch.get(), e);
    }
    return devices();
  }

  /** The version a simulated board runs. */
  public long running(String id) {
    return sim.board(id).orElseThrow().version();
  }

  /** The active version of the greenhouse policy, per {@code status}. */
  public long activeVersion() throws Exception {
    return command("status", "{}")
        .path("policies")
        .path("greenhouse")
        .path("active")
        .path("version")
        .asLong();
  }

  @Override
  public void close() throws Exception {
    if (sim != null) {
      sim.close();
    }
    if (agent != null) {
      agent.close();
    }
    if (client != null) {
      try {
        client.close();
      } catch (Exception e) {
        // the broker may be gone already
      }
    }
    if (privateBroker != null) {
      privateBroker.close();
    }
  }
}
