package io.edgeconf.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.sim.Simulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The demo's two deploys over the management API: the greenhouse module rolled out board by board,
 * then a version that crashes some boards and is rolled back. Not thread-safe.
 */
final class DemoStory {
  private static final Duration ANSWER = Duration.ofSeconds(60);
  private static final Duration ROLLOUT = Duration.ofSeconds(40);

  private final Management management;
  private final DemoReporter reporter;
  private final Simulator simulator;
  private final DemoFleet fleet;
  private final BoardStory boards;
  private RolloutEnd badRollout;
  private boolean operatorRollback;

  DemoStory(
      Management management,
      DemoReporter reporter,
      Simulator simulator,
      DemoFleet fleet,
      BoardStory boards) {
    this.management = management;
    this.reporter = reporter;
    this.simulator = simulator;
    this.fleet = fleet;
    this.boards = boards;
  }

  /** Waits until the agent knows every board and sees it online. */
  void awaitBoardsKnown() throws Exception {
    boolean known =
        poll(
            Duration.ofSeconds(20),
            () -> {
              JsonNode d = ask("status", "{}").path("devices");
              return d.path("known").asInt() >= fleet.total()
                  && d.path("online").asInt() >= fleet.total();
            });
    if (!known) {
      throw new DemoFailure("the agent did not see all " + fleet.total() + " boards in 20 s");
    }
  }

  /** Deploys the good version; true when every board took it. */
  boolean deployGood(DemoModules m) throws Exception {
    reporter.step(
        "Deploying greenhouse v" + m.goodVersion() + " (rollout: canary first, then the rest)");
    RolloutEnd end = deploy(m.good(), "rollout v" + m.goodVersion());
    reporter.endPhase(
        String.format(
            "v%d: %s, %d of %d boards applied it, %d failed",
            m.goodVersion(),
            end.outcome(),
            end.applied().size(),
            fleet.total(),
            end.failed().size()));
    return end.succeeded();
  }

  /**
   * Makes some boards crash on the next image, deploys the bad version, and sees it rolled back.
   */
  void deployBad(DemoModules m, Duration crashAfter) throws Exception {
    reporter.step(
        "Deploying v"
            + m.badVersion()
            + ", which crashes some boards: simulator fault crash-after-apply="
            + crashAfter.toSeconds()
            + "s on "
            + String.join(", ", fleet.crashing()));
    for (String id : fleet.crashing()) {
      simulator.setFault(id, "crash-after-apply=" + crashAfter.toMillis() + "ms");
    }
    boards.watchCrashesOf(m.badVersion());
    badRollout = deploy(m.bad(), "rollout v" + m.badVersion());
    reporter.endPhase(
        String.format(
            "v%d: %s (%d applied, %d failed)",
            m.badVersion(),
            badRollout.outcome(),
            badRollout.applied().size(),
            badRollout.failed().size()));
    if (badRollout.rolledBack()) {
      reporter.note(
          "the agent rolled v"
              + m.badVersion()
              + " back by itself; v"
              + m.goodVersion()
              + " is active again");
    } else {
      rollBackAsOperator(m, crashAfter);
    }
    fleet.crashing().forEach(simulator::clearFaults);
  }

  /**
   * An agent built without health windows only sees acks, so it cannot notice the crashes; the demo
   * then does what an operator would and says so.
   */
  private void rollBackAsOperator(DemoModules m, Duration crashAfter) throws Exception {
    poll(crashAfter.plusSeconds(8), () -> boards.crashed().containsAll(fleet.crashing()));
    reporter.note(
        "the agent did not roll v"
            + m.badVersion()
            + " back by itself (this agent build does not judge board health yet);");
    reporter.note(
        "so the demo asks for the rollback as an operator would: edgeconf rollback "
            + fleet.policy());
    operatorRollback = true;
    JsonNode answer = ask("rollback", "{\"policy\":\"" + fleet.policy() + "\"}");
    requireOk(answer, "rollback");
    reporter.phase("rollback to v" + answer.path("version").asText(), fleet.total());
    RolloutEnd end =
        new RolloutFollower(management, reporter)
            .follow(answer.path("rollout").asText(), "rollback_completed", ROLLOUT);
    reporter.endPhase(
        String.format(
            "rollback to v%d: %s (%d boards sent v%d again)",
            m.goodVersion(), end.outcome(), end.applied().size(), m.goodVersion()));
  }

  private RolloutEnd deploy(byte[] module, String phase) throws Exception {
    JsonNode answer = management.request("deploy", module, ANSWER);
    requireOk(answer, "deploy");
    reporter.note(
        String.format(
            "accepted %s v%s (%s), rollout %s to %s boards",
            answer.path("policy").asText(),
            answer.path("version").asText(),
            answer.path("signed").asBoolean() ? "signature verified" : "UNSIGNED",
            answer.path("rollout").asText(),
            answer.path("devices").asText()));
    reporter.phase(phase, fleet.total());
    return new RolloutFollower(management, reporter)
        .follow(answer.path("rollout").asText(), ROLLOUT);
  }

  /** The bad version's rollout, once deployed. */
  RolloutEnd badRollout() {
    return badRollout;
  }

  /** Whether the board crashed back from the bad version. */
  boolean crashed(String device) {
    return boards.crashed().contains(device);
  }

  /** Whether the demo had to ask for the rollback itself. */
  boolean operatorRollback() {
    return operatorRollback;
  }

  JsonNode ask(String verb, String json) throws Exception {
    JsonNode answer = management.request(verb, json.getBytes(StandardCharsets.UTF_8), ANSWER);
    requireOk(answer, verb);
    return answer;
  }

  private static void requireOk(JsonNode answer, String verb) {
    if (answer == null) {
      throw new DemoFailure("the gateway did not answer " + verb);
    }
    if (!answer.path("ok").asBoolean()) {
      JsonNode e = answer.path("error");
      throw new DemoFailure(
          verb + " refused: " + e.path("code").asText() + ": " + e.path("message").asText());
    }
  }

  /** Polls a condition every 200 ms; false when it did not hold within the timeout. */
  static boolean poll(Duration timeout, CheckedCondition condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.holds()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
  }

  /** A condition that may fail. */
  @FunctionalInterface
  interface CheckedCondition {
    boolean holds() throws Exception;
  }
}
