package io.edgeconf.agent.rollout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.testing.AgentChild;
import io.edgeconf.agent.testing.MqttRequester;
import io.edgeconf.agent.testing.PrivateBroker;
import io.edgeconf.agent.testing.RolloutRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent in a child JVM, SIGKILLed in the middle of a rollout (twice: after a board confirmed,
 * then again after the resumed rollout confirmed another) and in the middle of a threshold
 * rollback, then started again on its state directory: it resumes from the journal and every board
 * ends on the image the outcome gives it.
 */
class AgentKillIT {
  static final String WAVES = "  canary 25%\n  max_failures 100%\n  health_window 2s\n  batch 1";
  static final String STRICT = "  canary 25%\n  max_failures 20%\n  health_window 2s\n  batch 1";

  @TempDir Path dir;
  private Path log;
  private Process child;
  private final List<Process> all = new ArrayList<>();

  @AfterEach
  void kill() {
    all.forEach(Process::destroyForcibly);
  }

  @Test
  void killedMidRolloutTwiceResumesAndEveryBoardEndsOnTheNewImage() throws Exception {
    try (var broker = PrivateBroker.start(dir.resolve("broker"));
        var rig = rig(broker)) {
      String r7 = rig.deploy(7, WAVES).path("rollout").asText();
      rig.awaitEvent(r7, "rollout_completed");
      rig.awaitBoardsOnDesired();

      String r8 = rig.deploy(8, WAVES).path("rollout").asText();
      killWhen(rig, e -> isOf(e, r8, "device_confirmed"), 1);
      restart(rig);
      killWhen(rig, e -> isOf(e, r8, "device_confirmed"), 2);
      restart(rig);

      JsonNode done = rig.awaitEvent(r8, "rollout_completed");
      assertEquals("succeeded", done.path("outcome").asText(), done.toString());
      for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
        assertEquals(8, d.path("desired").path("version").asInt(), d.toString());
      }
      assertEquals(8, rig.activeVersion());
    }
  }

  @Test
  void killedMidRollbackResumesAndEveryBoardEndsOnThePreviousImage() throws Exception {
    try (var broker = PrivateBroker.start(dir.resolve("broker"));
        var rig = rig(broker)) {
      String r7 = rig.deploy(7, STRICT).path("rollout").asText();
      rig.awaitEvent(r7, "rollout_completed");
      rig.awaitBoardsOnDesired();

      rig.sim.setFault(rig.id("esp32", 3), "reject=range");
      String r8 = rig.deploy(8, STRICT).path("rollout").asText();
      killWhen(rig, e -> isOf(e, r8, "rollback_started"), 1);
      restart(rig);

      JsonNode done = rig.awaitEvent(r8, "rollout_completed");
      assertEquals("rolled_back", done.path("outcome").asText(), done.toString());
      for (JsonNode d : rig.awaitBoardsOnDesired().values()) {
        assertEquals(7, d.path("desired").path("version").asInt(), d.toString());
      }
      for (var b : rig.sim.boards()) {
        assertEquals(7, b.version(), b.id());
      }
      assertEquals(7, rig.activeVersion());
    }
  }

  private RolloutRig rig(PrivateBroker broker) throws Exception {
    var rig = RolloutRig.prepare(dir, broker.url());
    Files.createDirectories(Path.of("target", "agent-kill"));
    log = Path.of("target", "agent-kill", rig.gateway + ".log");
    startChild(rig);
    rig.client = new MqttRequester(broker.url(), rig.gateway);
    rig.startSimulator(4, 1, "");
    rig.awaitDevices(rig.sim.boards().size());
    return rig;
  }

  private void startChild(RolloutRig rig) throws IOException {
    var c = rig.config().build();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.addAll(List.of(java, "-cp", System.getProperty("java.class.path")));
    command.add(AgentChild.class.getName());
    command.addAll(AgentChild.args(c));
    child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    all.add(child);
    await()
        .atMost(RolloutRig.LONG)
        .until(() -> Files.readString(log).split("started\n", -1).length > all.size());
  }

  /** SIGKILLs the agent once {@code n} events match. */
  private void killWhen(RolloutRig rig, Predicate<JsonNode> event, int n) throws Exception {
    await()
        .atMost(RolloutRig.LONG)
        .until(() -> rig.client.events.stream().filter(event).count() >= n);
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
  }

  private void restart(RolloutRig rig) throws IOException {
    startChild(rig);
  }

  private static boolean isOf(JsonNode e, String rollout, String event) {
    return e.path("event").asText().equals(event) && e.path("rollout").asText().equals(rollout);
  }
}
