package io.edgeconf.agent.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.testing.Greenhouse;
import io.edgeconf.agent.testing.MqttRequester;
import io.edgeconf.agent.testing.TestModules;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.ModuleSigner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management API against the real Mosquitto on 127.0.0.1:1883 (unique gateway id and device
 * topic root per test): every kind of bad input gets an error answer with its code, the agent keeps
 * running and its state is unchanged.
 */
class ManagementApiIT {
  static final String BROKER = "tcp://127.0.0.1:1883";

  @TempDir Path dir;

  @Test
  void badInputGetsCodedErrorsAndChangesNothing() throws Exception {
    var key = Ed25519Keys.generate();
    Greenhouse.trust(key, dir.resolve("trust"));
    String gw = "api-it-" + UUID.randomUUID().toString().substring(0, 8);
    var config =
        AgentConfig.builder()
            .gatewayId(gw)
            .group(gw + "-fleet")
            .broker(BROKER)
            .stateDir(dir.resolve("state"))
            .trustDir(dir.resolve("trust"))
            .coapPort(-1)
            .deviceTopicRoot("it/" + gw + "/d")
            .build();
    try (var agent = new GatewayAgent(config);
        var client = new MqttRequester(BROKER, gw)) {
      agent.start();
      await().atMost(Duration.ofSeconds(30)).until(agent::connected);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "1".equals(client.retained.get(Topics.online(gw))));

      assertEquals(
          "not_found", code(client.request(Topics.command(gw, "frobnicate"), "{}".getBytes())));
      assertEquals(
          "malformed",
          code(client.request(Topics.command(gw, "rollback"), "{not json".getBytes())));
      assertEquals(
          "malformed", code(client.request(Topics.command(gw, "rollback"), "[1]".getBytes())));
      assertEquals(
          "not_found",
          code(client.request(Topics.command(gw, "rollback"), "{\"policy\":\"nope\"}".getBytes())));
      assertEquals(
          "too_large",
          code(client.request(Topics.command(gw, "deploy"), new byte[10 * 1024 * 1024])));
      assertEquals(
          "too_large", code(client.request(Topics.command(gw, "status"), new byte[100_000])));
      assertEquals("malformed", code(client.request(Topics.command(gw, "deploy"), new byte[0])));
      assertEquals(
          "invalid_wasm", code(client.request(Topics.command(gw, "deploy"), "garbage".getBytes())));
      assertEquals(
          "unknown_device",
          code(
              client.request(
                  Topics.command(gw, "reboot-device"), "{\"id\":\"ghost\"}".getBytes())));
      var loop = TestModules.spec();
      loop.renderPrefix = "(loop $l (br $l))";
      byte[] hostile = ModuleSigner.sign(TestModules.build(loop), key.getPrivate());
      assertEquals("timeout", code(client.request(Topics.command(gw, "deploy"), hostile)));
      byte[] unsigned = TestModules.build(TestModules.spec());
      assertEquals("signature", code(client.request(Topics.command(gw, "plan"), unsigned)));

      // State unchanged: no policy, the agent still answers.
      var status = client.request(Topics.command(gw, "status"), "{}".getBytes());
      assertTrue(status.path("ok").asBoolean());
      assertEquals(0, status.path("policies").size());
      assertEquals("idle", status.path("state").asText());

      // A good module through the fleet topic; then the same version again is a downgrade.
      byte[] good = Greenhouse.module(key, 7);
      var plan = client.request(Topics.fleetCommand(gw + "-fleet", "plan"), good);
      assertTrue(plan.path("ok").asBoolean(), plan.toString());
      var deployed = client.request(Topics.fleetCommand(gw + "-fleet", "deploy"), good);
      assertTrue(deployed.path("ok").asBoolean(), deployed.toString());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  client.events.stream()
                      .anyMatch(e -> e.path("event").asText().equals("rollout_completed")));
      assertEquals("downgrade", code(client.request(Topics.command(gw, "deploy"), good)));
      var history = client.request(Topics.command(gw, "history"), "{}".getBytes());
      assertEquals(1, history.path("modules").size());

      // A command without a response topic is carried out; its answer goes to events.
      client.send(Topics.command(gw, "status"), "{}".getBytes());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  client.events.stream()
                      .anyMatch(e -> e.path("event").asText().equals("command_answer")));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> client.retained.getOrDefault(Topics.status(gw), "").contains("\"version\":7"));
      assertFalse(client.retained.get(Topics.status(gw)).isEmpty());
    }
  }

  static String code(JsonNode answer) {
    assertFalse(answer.path("ok").asBoolean(true), answer.toString());
    return answer.path("error").path("code").asText();
  }
}
