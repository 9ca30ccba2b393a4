package io.edgeconf.faults;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: the agent SIGKILLed right after every persistence step of a deploy (canary and batch),
 * of a deploy that trips its failure threshold and rolls back by itself, and of an operator's
 * rollback. Each scenario first runs uninterrupted to count its steps (the store changes a {@link
 * StepCounter} counts), then once per step with the agent frozen and killed right after that step
 * commits; restarted on the same state directory, the store is sound ({@code integrity_check} on a
 * copy of what the kill left) and opens, the active module is the old or the new one, the rollout
 * reaches the outcome of the uninterrupted run, the policy's active version is the one that outcome
 * gives, and every board runs that version, as its device entry says. One broker, one simulator (2
 * ESP32 over MQTT, 1 nRF52840 over CoAP) and one state directory serve the whole suite; each run
 * starts from the fleet the previous one left, on the next version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillPointsIT {
  private KillFleet fleet;
  private KillPointRunner runner;
  private long started;

  @BeforeAll
  void startFleet(@TempDir Path dir) throws Exception {
    started = System.nanoTime();
    fleet = KillFleet.start(dir);
    runner = new KillPointRunner(fleet, dir.resolve("probe"));
  }

  @AfterAll
  void report() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
    System.out.printf(
        "%nkill points per scenario: %s; total %.1f s%n",
        runner == null ? Map.of() : runner.counted(), (System.nanoTime() - started) / 1e9);
  }

  @Test
  @Order(1)
  void killedAfterEveryStepOfADeployTheRolloutSucceeds() throws Exception {
    run(KillScenario.deploy());
  }

  @Test
  @Order(2)
  void killedAfterEveryStepOfAThresholdRollbackEveryBoardGoesBack() throws Exception {
    run(KillScenario.thresholdRollback());
  }

  @Test
  @Order(3)
  void killedAfterEveryStepOfAnOperatorRollbackEveryBoardEndsOnTheLastKnownGood() throws Exception {
    run(KillScenario.operatorRollback());
  }

  private void run(KillScenario s) throws Exception {
    runner.run(s);
  }
}
