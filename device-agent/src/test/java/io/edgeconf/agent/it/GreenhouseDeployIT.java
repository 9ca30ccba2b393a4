package io.edgeconf.agent.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.agent.sandbox.RenderOutcome;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.sandbox.SandboxLimits;
import io.edgeconf.agent.testing.Greenhouse;
import io.edgeconf.agent.testing.MqttRequester;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorOptions;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed greenhouse module deployed over the management API to an agent with an embedded broker
 * and simulated ESP32 (MQTT) and nRF52840 (CoAP) boards: every board ends up running exactly the
 * image the sandbox renders for it; then the inbox deploys version 8.
 */
class GreenhouseDeployIT {
  @TempDir Path dir;

  @Test
  void deploysToEverySimulatedBoardAndThroughTheInbox() throws Exception {
    var key = Ed25519Keys.generate();
    Greenhouse.trust(key, dir.resolve("trust"));
    int coapPort;
    try (var s = new DatagramSocket(0)) {
      coapPort = s.getLocalPort();
    }
    String gw = "it-" + UUID.randomUUID().toString().substring(0, 8);
    var config =
        AgentConfig.builder()
            .gatewayId(gw)
            .embeddedBroker(0)
            .stateDir(dir.resolve("state"))
            .trustDir(dir.resolve("trust"))
            .coapPort(coapPort)
            .pushTimeout(Duration.ofSeconds(20))
            .inboxScan(Duration.ofMillis(200))
            .build();
    try (var agent = new GatewayAgent(config)) {
      agent.start();
      await().atMost(Duration.ofSeconds(30)).until(agent::connected);
      var options =
          SimulatorOptions.builder()
              .broker(agent.brokerUrl())
              .gatewayCoap("127.0.0.1:" + coapPort)
              .boards("esp32", 2)
              .boards("nrf52840", 2)
              .idPrefix(gw)
              .zones(List.of("north", "south"))
              .healthInterval(Duration.ofSeconds(1))
              .build();
      try (var sim = Simulator.start(options);
          var client = new MqttRequester(agent.brokerUrl(), gw)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> agent.service().devices().all().size() == 4);
        byte[] module = Greenhouse.module(key, 7);
        var answer = client.request(Topics.command(gw, "deploy"), module);
        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        assertEquals(4, answer.path("devices").asInt());

        // Each board runs exactly what the sandbox renders for its attributes.
        var workers = Executors.newCachedThreadPool();
        var sandbox = new Sandbox(workers, SandboxLimits.DEFAULT);
        var program = ModuleProgram.interpreted(Parser.parse(module), SandboxLimits.DEFAULT);
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> sim.boards().stream().allMatch(b -> b.version() == 7));
        for (var board : sim.boards()) {
          var r = (RenderOutcome.Rendered) sandbox.render(program, board.attributes());
          assertEquals(ImageCodec.crcOf(r.image()), board.crc(), board.id());
        }
        workers.shutdownNow();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    client.events.stream()
                        .anyMatch(e -> e.path("event").asText().equals("rollout_completed")));
        assertEquals(
            4,
            client.events.stream()
                .filter(e -> e.path("event").asText().equals("device_applied"))
                .count());

        // A module dropped into the inbox is deployed too.
        Path inbox = dir.resolve("state").resolve("inbox");
        Path tmp = inbox.resolve("gh8.wasm.part");
        Files.write(tmp, Greenhouse.module(key, 8));
        Files.move(tmp, inbox.resolve("gh8.wasm"));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> Files.exists(inbox.resolve("gh8.wasm.result.json")));
        String result =
            Files.readString(inbox.resolve("gh8.wasm.result.json"), StandardCharsets.UTF_8);
        assertTrue(result.contains("\"ok\" : true"), result);
        assertTrue(Files.exists(inbox.resolve("accepted").resolve("gh8.wasm")));
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> sim.boards().stream().allMatch(b -> b.version() == 8));
        var status = client.request(Topics.command(gw, "status"), "{}".getBytes());
        assertEquals(
            8, status.path("policies").path("greenhouse").path("active").path("version").asInt());
      }
    }
  }
}
