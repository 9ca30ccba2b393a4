package io.edgeconf.faults;

/**
 * One operation the suite kills the agent in: how to set the fleet up for it, the command that
 * starts it, and the outcome it must reach however often it is interrupted. Immutable.
 *
 * @param name for the report
 * @param kind the rollout kind {@code history} must show ({@code deploy}, {@code rollback})
 * @param outcome the outcome the rollout must reach ({@code succeeded}, {@code rolled_back})
 * @param setup prepares the fleet (no counted change may come from it) and names the versions
 * @param command sends the command that starts the operation, without waiting for the answer
 */
record KillScenario(String name, String kind, String outcome, Setup setup, Command command) {

  /** The active version before the operation, and the one the operation brings. */
  record Versions(long before, long after) {}

  /** Prepares the fleet for one run of the scenario. */
  @FunctionalInterface
  interface Setup {
    Versions prepare(KillFleet fleet) throws Exception;
  }

  /** Starts the operation. */
  @FunctionalInterface
  interface Command {
    void send(KillFleet fleet, Versions versions) throws Exception;
  }

  /** The version every board and the policy end on. */
  long finalVersion(Versions v) {
    return outcome.equals("rolled_back") ? v.before() : v.after();
  }

  /** A deploy of the next version that succeeds: canary (ESP32 + nRF52840), then a batch. */
  static KillScenario deploy() {
    return new KillScenario(
        "deploy",
        "deploy",
        "succeeded",
        fleet -> new Versions(fleet.rig.activeVersion(), fleet.nextVersion()),
        (fleet, v) -> fleet.sendDeploy(v.after()));
  }

  /**
   * A deploy of the next version whose batch board (the second ESP32) rejects it: 1 failure of 3
   * tried is above {@code max_failures 20%}, so the agent rolls every board back itself.
   */
  static KillScenario thresholdRollback() {
    return new KillScenario(
        "threshold rollback",
        "deploy",
        "rolled_back",
        fleet -> {
          fleet.rig.sim.setFault(fleet.rig.id("esp32", 2), "reject=range");
          return new Versions(fleet.rig.activeVersion(), fleet.nextVersion());
        },
        (fleet, v) -> fleet.sendDeploy(v.after()));
  }

  /**
   * The operator's {@code rollback} to the last-known-good: the setup deploys the next version (not
   * counted, not killed), the rollback takes every board back to the version before it.
   */
  static KillScenario operatorRollback() {
    return new KillScenario(
        "operator rollback",
        "rollback",
        "succeeded",
        fleet -> {
          long good = fleet.rig.activeVersion();
          long next = fleet.nextVersion();
          fleet.settle(fleet.deploy(next));
          fleet.assertBoardsOn(next);
          return new Versions(next, good);
        },
        (fleet, v) -> fleet.sendRollback());
  }
}
