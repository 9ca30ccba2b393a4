package io.edgeconf.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.AgentException;
import io.edgeconf.sim.BoardSnapshot;
import io.edgeconf.sim.SimulatorException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code edgeconf demo}: a whole gateway on this machine (embedded broker, agent, simulated ESP32
 * and nRF52840 boards, all on loopback and in a temporary directory), a deploy that succeeds, one
 * that crashes some boards and is rolled back, and a final table. Everything is stopped and deleted
 * before {@link #run()} returns. Not thread-safe; run once.
 */
public final class Demo {
  /** The demo's shortened health window (the example says 15 s). */
  static final Duration HEALTH_WINDOW = Duration.ofSeconds(2);

  static final Duration CRASH_AFTER = Duration.ofSeconds(1);

  /** The second version's high-temperature alarm (the example says 35). */
  static final int BAD_TEMP_HIGH_C = 32;

  private final DemoReporter reporter;
  private final Management.Connector connector;
  private final DemoFleet fleet = DemoFleet.greenhouse();

  /**
   * @param out where the story goes
   * @param json one JSON object per line instead of text
   * @param terminal whether {@code out} is a terminal (progress bars are redrawn in place)
   * @param connector how to reach the gateway's management API
   */
  public Demo(PrintWriter out, boolean json, boolean terminal, Management.Connector connector) {
    this.reporter = json ? new JsonReporter(out) : new TextReporter(out, terminal);
    this.connector = connector;
  }

  /** Runs the demo; returns the exit status (0 done, 1 the story went wrong, 3 could not run). */
  public int run() throws InterruptedException {
    long started = System.nanoTime();
    try (DemoGateway gateway = DemoGateway.create()) {
      int status = run(gateway);
      reporter.step(
          String.format(
              "Demo %s in %.1f s; the broker, agent and boards are stopped and the temporary"
                  + " directory is deleted.",
              status == 0 ? "finished" : "FAILED", (System.nanoTime() - started) / 1e9));
      return status;
    } catch (IOException | AgentException | SimulatorException e) {
      reporter.problem("the demo could not run: " + e.getMessage());
      return 3;
    } catch (RuntimeException e) {
      reporter.problem("the demo failed: " + e);
      return 3;
    }
  }

  private int run(DemoGateway gateway) throws IOException, InterruptedException {
    reporter.step("Starting a gateway on this machine (loopback only, temporary directory)");
    DemoModules modules = DemoModules.build(gateway.trustDir(), HEALTH_WINDOW, BAD_TEMP_HIGH_C);
    reporter.note(
        "compiled examples/greenhouse.policy as v"
            + modules.goodVersion()
            + " and v"
            + modules.badVersion()
            + " (v"
            + modules.badVersion()
            + " lowers the high-temperature alarm to "
            + BAD_TEMP_HIGH_C
            + " C), signed with a throwaway key ("
            + modules.keyId()
            + ") the agent trusts");
    reporter.note(
        "for the demo the rollout's health_window is "
            + HEALTH_WINDOW.toSeconds()
            + " s instead of the example's 15 s, so each wave is judged quickly");
    gateway.startAgent();
    reporter.note(
        "gateway agent "
            + DemoGateway.GATEWAY
            + " with its embedded MQTT 5 broker at "
            + gateway.brokerUrl());
    BoardStory boards = new BoardStory(reporter);
    gateway.startBoards(fleet, boards);
    reporter.note(describeFleet());
    try (Management management = connect(gateway)) {
      DemoStory story = new DemoStory(management, reporter, gateway.simulator(), fleet, boards);
      story.awaitBoardsKnown();
      if (!story.deployGood(modules)) {
        reporter.problem("v" + modules.goodVersion() + " did not reach every board");
        return 1;
      }
      story.deployBad(modules, CRASH_AFTER);
      boolean settled =
          DemoStory.poll(
              Duration.ofSeconds(20),
              () ->
                  gateway.simulator().boards().stream()
                      .allMatch(b -> b.version() == modules.goodVersion()));
      List<BoardRow> rows = rows(gateway, story, modules);
      boolean ok =
          settled
              && rows.stream()
                  .allMatch(
                      r ->
                          r.running() == modules.goodVersion()
                              && r.desired() == modules.goodVersion());
      reporter.step(
          ok
              ? "Every board runs v" + modules.goodVersion() + " again:"
              : "Not every board is back on v" + modules.goodVersion() + ":");
      reporter.table(rows, ok);
      return ok ? 0 : 1;
    } catch (DemoFailure e) {
      reporter.problem(e.getMessage());
      return 1;
    } catch (Exception e) {
      if (e instanceof InterruptedException ie) {
        throw ie;
      }
      reporter.problem("the demo failed: " + e);
      return 3;
    }
  }

  private Management connect(DemoGateway gateway) {
    try {
      return connector.connect(gateway.brokerUrl(), DemoGateway.GATEWAY);
    } catch (Exception e) {
      throw new DemoFailure("cannot reach the embedded broker: " + e.getMessage());
    }
  }

  private String describeFleet() {
    List<String> parts = new ArrayList<>();
    fleet
        .counts()
        .forEach(
            (board, n) ->
                parts.add(n + " " + board + (board.startsWith("esp32") ? " (MQTT)" : " (CoAP)")));
    return fleet.total()
        + " simulated boards online: "
        + String.join(", ", parts)
        + "; zones "
        + String.join("/", fleet.zones())
        + ", health reports every "
        + fleet.healthInterval().toMillis()
        + " ms";
  }

  private List<BoardRow> rows(DemoGateway gateway, DemoStory story, DemoModules m)
      throws Exception {
    Map<String, JsonNode> agentView = new HashMap<>();
    for (JsonNode d : story.ask("devices", "{}").path("devices")) {
      agentView.put(d.path("id").asText(), d);
    }
    List<BoardRow> rows = new ArrayList<>();
    for (BoardSnapshot b : gateway.simulator().boards()) {
      JsonNode a = agentView.get(b.id());
      rows.add(
          new BoardRow(
              b.id(),
              b.board(),
              b.attributes().zone(),
              b.attributes().tags(),
              b.version(),
              a == null ? "unknown" : a.path("state").asText(),
              a == null ? 0 : a.path("desired").path("version").asLong(),
              Outcomes.of(b.id(), story, m)));
    }
    return rows;
  }
}
