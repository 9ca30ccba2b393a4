package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.testing.Greenhouse;
import io.edgeconf.agent.testing.MqttRequester;
import io.edgeconf.agent.testing.PrivateBroker;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The suite's fleet: one private Mosquitto, one simulator with 2 ESP32 (MQTT) and 1 nRF52840 (CoAP)
 * boards, and the greenhouse agent in a {@link KillPointAgent} child on one state directory,
 * restarted after every kill. Every module has the same short rollout block: the canary is the
 * first ESP32 and the nRF52840, the second ESP32 is a batch of its own. Versions are chained: each
 * deploy takes the next one. Not thread-safe.
 */
final class KillFleet implements AutoCloseable {
  static final String POLICY = "greenhouse";
  static final String ROLLOUT =
      "  canary 25%\n  max_failures 20%\n  health_window 500ms\n  batch 1";

  final RolloutRig rig;
  private final PrivateBroker broker;
  private final Path log;
  private KillPointProcess agent;
  private long highest;

  private KillFleet(PrivateBroker broker, RolloutRig rig, Path log) {
    this.broker = broker;
    this.rig = rig;
    this.log = log;
  }

  /** Starts broker, agent and boards; the fleet then runs version 1. */
  static KillFleet start(Path dir) throws Exception {
    var broker = PrivateBroker.start(dir.resolve("broker"));
    var rig = RolloutRig.prepare(dir, broker.url());
    Path logs = Path.of("target", "kill-points");
    Files.createDirectories(logs);
    var fleet = new KillFleet(broker, rig, logs.resolve(rig.gateway + ".log"));
    fleet.restartAgent();
    rig.client = new MqttRequester(broker.url(), rig.gateway);
    rig.sim = Simulator.start(fleet.simulator());
    rig.awaitDevices(3);
    fleet.settle(fleet.deploy(fleet.nextVersion()));
    fleet.assertBoardsOn(1);
    return fleet;
  }

  /**
   * The boards: as {@code RolloutRig.startSimulator}, with a short CoAP registration lifetime. A
   * restarted agent knows an nRF52840 only once it registers again (at three quarters of its
   * lifetime); with the default minute the agent's resume would not wait for it and would treat it
   * as offline, which takes other steps.
   */
  private SimulatorOptions simulator() {
    return SimulatorOptions.builder()
        .broker(rig.broker)
        .gatewayCoap("127.0.0.1:" + rig.coapPort)
        .idPrefix(rig.gateway)
        .zones(List.of("north", "south"))
        .healthInterval(Duration.ofMillis(400))
        .registrationLifetime(Duration.ofSeconds(5))
        .boards("esp32", 2)
        .boards("nrf52840", 1)
        .build();
  }

  /**
   * The agent's settings: the rig's, with generous deadlines (a loaded machine must not fail a
   * board; the paths this suite takes never wait for them).
   */
  private AgentConfig config() {
    return rig.config()
        .pushTimeout(Duration.ofSeconds(20))
        .firstHealthTimeout(Duration.ofSeconds(15))
        .revertTimeout(Duration.ofSeconds(20))
        .build();
  }

  KillPointProcess agent() {
    return agent;
  }

  /** Starts a new agent on the state directory (the old one must be dead). */
  void restartAgent() throws Exception {
    agent = KillPointProcess.start(config(), log);
  }

  Path stateDir() {
    return config().stateDir();
  }

  long nextVersion() {
    return ++highest;
  }

  /** Deploys a version and waits for the answer; returns the rollout id. */
  String deploy(long version) throws Exception {
    return rig.deploy(version, ROLLOUT).path("rollout").asText();
  }

  /** Sends a deploy without waiting for an answer (the agent may be killed before it answers). */
  void sendDeploy(long version) throws Exception {
    rig.client.send(
        Topics.command(rig.gateway, "deploy"), Greenhouse.module(rig.key, version, ROLLOUT));
  }

  /** Sends the operator's rollback to the last-known-good, without waiting for an answer. */
  void sendRollback() throws Exception {
    rig.client.send(
        Topics.command(rig.gateway, "rollback"),
        ("{\"policy\":\"" + POLICY + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  /** The rollouts of {@code history}, newest first. */
  List<JsonNode> rollouts() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    rig.command("history", "{}").path("rollouts").forEach(out::add);
    return out;
  }

  /** The newest rollout whose id is not among {@code known}. */
  Optional<JsonNode> newRollout(Set<String> known) throws Exception {
    return rollouts().stream().filter(r -> !known.contains(r.path("id").asText())).findFirst();
  }

  /** Waits until a rollout has an outcome and the gateway is idle; returns its history entry. */
  JsonNode settle(String rolloutId) throws Exception {
    await()
        .atMost(KillPointProcess.LONG)
        .until(
            () ->
                rollouts().stream()
                    .anyMatch(
                        r ->
                            r.path("id").asText().equals(rolloutId)
                                && !r.path("outcome").asText().equals("running")));
    awaitIdle();
    return rollouts().stream()
        .filter(r -> r.path("id").asText().equals(rolloutId))
        .findFirst()
        .orElseThrow();
  }

  /** Waits until no deploy or rollback runs. */
  void awaitIdle() {
    await()
        .atMost(KillPointProcess.LONG)
        .until(
            () -> {
              JsonNode s = rig.command("status", "{}");
              return s.path("state").asText().equals("idle") && s.path("rollout").isNull();
            });
  }

  /** Waits until every board runs its desired image, and checks that this is {@code version}. */
  void assertBoardsOn(long version) throws Exception {
    for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
      assertEquals(version, d.path("desired").path("version").asLong(), d.toString());
    }
    for (var b : rig.sim.boards()) {
      assertEquals(version, b.version(), b.id());
    }
    assertEquals(3, rig.sim.boards().size());
    assertTrue(rig.devices().size() >= 3);
  }

  @Override
  public void close() throws Exception {
    if (agent != null) {
      agent.kill();
    }
    rig.close();
    broker.close();
  }
}
