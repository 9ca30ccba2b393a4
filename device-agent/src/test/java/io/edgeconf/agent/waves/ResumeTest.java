package io.edgeconf.agent.waves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.hardware.GatewayHardwareFactory;
import io.edgeconf.hardware.Wiring;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills the engine right after each journal step of a rollout (and of its rollback), resumes a new
 * engine from the journal, and checks that every board ends on the image the outcome gives it.
 */
class ResumeTest {
  record Scenario(String name, RolloutKind kind, Outcome outcome, Consumer<Fixture> setup) {
    Scenario(String name, Outcome outcome, Consumer<Fixture> setup) {
      this(name, RolloutKind.DEPLOY, outcome, setup);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario(
            "happy mixed fleet in batches",
            Outcome.SUCCEEDED,
            fx -> {
              fx.rollout = new ModuleMetadata.Rollout(20, 5, 5_000, 2);
              fx.board("esp-1", "esp32");
              fx.board("esp-2", "esp32");
              fx.board("s3-1", "esp32s3");
              fx.board("nrf-1", "nrf52840");
              fx.board("nrf-2", "nrf52840");
            }),
        new Scenario(
            "threshold trip and rollback",
            Outcome.ROLLED_BACK,
            fx -> {
              fx.rollout = new ModuleMetadata.Rollout(30, 5, 5_000, 0);
              for (int i = 1; i <= 5; i++) {
                fx.board("esp-" + i, "esp32");
              }
              fx.board("nrf-1", "nrf52840");
              fx.board("nrf-2", "nrf52840").fault = FakeBoard.Fault.CRASH_AFTER_APPLY;
              fx.fleet.board("esp-5").fault = FakeBoard.Fault.CRASH_AFTER_APPLY;
              fx.fleet.board("nrf-2").crashAfter = Duration.ofSeconds(2);
              fx.fleet.board("esp-5").crashAfter = Duration.ofSeconds(2);
            }),
        new Scenario(
            "failure with a reset pulse",
            Outcome.SUCCEEDED,
            fx -> {
              fx.rollout = new ModuleMetadata.Rollout(10, 50, 5_000, 0);
              fx.board("esp-1", "esp32");
              fx.board("esp-2", "esp32");
              FakeBoard stuck = fx.board("esp-3", "esp32");
              stuck.fault = FakeBoard.Fault.UNHEALTHY;
              stuck.stuckOnRevert = true;
              var wiring =
                  new Wiring(
                      List.of(),
                      Map.of(
                          "esp-3",
                          new Wiring.ResetLine("esp-3", 17, false, Duration.ofMillis(100))),
                      Optional.empty());
              fx.hardware =
                  Optional.of(
                      new WiredHardware(
                          GatewayHardwareFactory.mock(wiring, new ManualScheduler(fx.time)),
                          fx.fleet));
            }),
        new Scenario(
            "a CoAP board crashing late in its window, back after it",
            Outcome.SUCCEEDED,
            fx -> {
              fx.rollout = new ModuleMetadata.Rollout(100, 100, 5_000, 0);
              fx.board("esp-1", "esp32");
              fx.board("nrf-1", "nrf52840");
              fx.fleet.at(
                  Duration.ofMillis(4_500),
                  () -> fx.fleet.crashDark("nrf-1", Duration.ofSeconds(1)));
            }),
        new Scenario(
            "offline boards converging after the outcome",
            Outcome.SUCCEEDED,
            fx -> {
              fx.rollout = new ModuleMetadata.Rollout(10, 5, 5_000, 0);
              fx.board("esp-1", "esp32");
              fx.board("esp-2", "esp32");
              fx.board("nrf-1", "nrf52840");
              fx.board("nrf-2", "nrf52840");
              fx.offline("esp-2", "nrf-2");
              fx.fleet.at(Duration.ofSeconds(14), () -> fx.fleet.comeOnline("esp-2"));
              fx.fleet.at(Duration.ofSeconds(16), () -> fx.fleet.comeOnline("nrf-2"));
            }),
        new Scenario(
            "operator rollback with a board that does not ack",
            RolloutKind.ROLLBACK,
            Outcome.SUCCEEDED,
            fx -> {
              fx.board("esp-1", "esp32");
              fx.board("esp-2", "esp32");
              fx.board("nrf-1", "nrf52840").fault = FakeBoard.Fault.NO_ACK;
            }));
  }

  /**
   * Two ESP32 boards and a CoAP board in an operator's rollback, the engine crashed right after the
   * third push was journaled (before that push left).
   */
  private static Fixture rollbackCrashedAfterThreePushes(String rolloutId) {
    Fixture fx = new Fixture();
    fx.board("esp-1", "esp32");
    fx.board("esp-2", "esp32");
    fx.board("nrf-1", "nrf52840");
    CrashingJournal crashing = new CrashingJournal(fx.journal, 3, fx::crash);
    fx.journalPort = crashing;
    fx.engine().start(fx.plan(rolloutId, RolloutKind.ROLLBACK));
    fx.time.advanceUntil(() -> crashing.crashed, Duration.ofMinutes(1));
    return fx;
  }

  /** A new engine resumes the rollout from its journal, as read back after a restart. */
  private static RolloutResult resume(Fixture fx, String rolloutId) {
    fx.journalPort = fx.journal;
    JournalState state = fx.journal.state(rolloutId).orElseThrow();
    return fx.await(fx.engine().resume(JournalJson.read(JournalJson.write(state))));
  }

  /**
   * KillPointsIT, operator rollback, kill point 5: killed right after the last board's push was
   * journaled; after the restart that board (a CoAP board not registered again yet) never acks. It
   * failed, so it is sent its previous image, which becomes its desired one, and the rollback
   * completes only once that revert is done.
   */
  @Test
  void aBoardFailingAResumedOperatorRollbackIsSentItsPreviousImage() {
    Fixture fx = rollbackCrashedAfterThreePushes("rb1");
    FakeBoard nrf = fx.fleet.board("nrf-1");
    assertEquals(
        List.of(
            JournalEntry.Type.DEVICE_PUSHED,
            JournalEntry.Type.DEVICE_PUSHED,
            JournalEntry.Type.DEVICE_PUSHED),
        fx.journal.state("rb1").orElseThrow().entries().stream().map(JournalEntry::type).toList());
    // Killed before the push left: the board still runs the image it had, and will not ack.
    byte[] before = nrf.active.clone();
    nrf.fault = FakeBoard.Fault.NO_ACK;

    RolloutResult result = resume(fx, "rb1");

    DeviceResult r = result.devices().get("nrf-1");
    assertEquals(DeviceState.FAILED, r.state(), fx.eventNames().toString());
    assertEquals(Optional.of(FailureCause.TIMEOUT), r.cause());
    assertEquals(ImageRole.PREVIOUS, r.image(), "a failed board goes back to its previous image");
    assertTrue(r.recovered(), r.toString());
    assertArrayEquals(before, nrf.active);
    assertArrayEquals(before, nrf.desired, "its previous image is its desired one again");
    List<JournalEntry.Type> steps =
        fx.journal.state("rb1").orElseThrow().entries().stream().map(JournalEntry::type).toList();
    assertTrue(
        steps.indexOf(JournalEntry.Type.DEVICE_REVERTED)
            < steps.indexOf(JournalEntry.Type.ROLLOUT_COMPLETED),
        "completed only after the revert: " + steps);
    assertEquals(1, result.devicesIn(DeviceState.FAILED).size());
    fx.assertBoardsMatch(result);
  }

  @Test
  void aBoardNotSeenSinceTheRestartIsOfflineAndPushedWhenItReturns() {
    Fixture fx = rollbackCrashedAfterThreePushes("rb2");
    FakeBoard nrf = fx.fleet.board("nrf-1");
    // The agent restarts; the CoAP board has not registered again yet.
    fx.fleet.unknown.add("nrf-1");

    RolloutResult result = resume(fx, "rb2");
    assertEquals(DeviceState.OFFLINE, result.devices().get("nrf-1").state(), "not a failure");
    assertEquals(0, result.devicesIn(DeviceState.FAILED).size());

    fx.fleet.comeOnline("nrf-1");
    fx.settle("rb2");
    assertArrayEquals(nrf.desired, nrf.active, "pushed its image when it registered again");
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void resumesAfterACrashAtEveryStep(Scenario scenario) {
    Fixture reference = new Fixture();
    scenario.setup().accept(reference);
    RolloutResult expected =
        reference.await(reference.engine().start(reference.plan("r1", scenario.kind())));
    reference.settle("r1");
    reference.hardware.ifPresent(h -> h.close());
    assertEquals(scenario.outcome(), expected.outcome());
    int steps = reference.journal.size("r1");
    assertTrue(steps > 10, "too few steps: " + steps);

    for (int k = 0; k < steps; k++) {
      Fixture fx = new Fixture();
      scenario.setup().accept(fx);
      CrashingJournal crashing = new CrashingJournal(fx.journal, k, fx::crash);
      fx.journalPort = crashing;
      fx.engine().start(fx.plan("r1", scenario.kind()));
      fx.time.advanceUntil(() -> crashing.crashed, Duration.ofMinutes(10));
      // The boards live on while the agent is down.
      fx.time.advance(Duration.ofSeconds(3));

      fx.journalPort = fx.journal;
      JournalState state = fx.journal.state("r1").orElseThrow();
      assertEquals(k, state.entries().size());
      JournalState roundTripped = JournalJson.read(JournalJson.write(state));
      fx.await(fx.engine().resume(roundTripped));
      RolloutResult result = fx.settle("r1");

      String at = scenario.name() + ", crash after step " + k + " of " + steps;
      assertEquals(expected.outcome(), result.outcome(), at);
      fx.assertBoardsMatch(result);
      result.devices().values().forEach(d -> assertTrue(d.state().isFinal(), at + ": " + d));
      assertFalse(fx.journal.state("r1").orElseThrow().needsResume(), at);
      fx.hardware.ifPresent(h -> h.close());
    }
  }
}
