package io.edgeconf.agent.waves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.module.ModuleMetadata;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolloutEngineTest {
  private final Fixture fx = new Fixture();

  @Test
  void happyRolloutOverAMixedFleetConfirmsEveryBoardAfterTheCanary() {
    fx.mixedFleet();
    RolloutEngine engine = fx.engine();
    RolloutResult result = fx.await(engine.start(fx.plan("r1")));

    assertEquals(Outcome.SUCCEEDED, result.outcome());
    assertEquals(12, result.devicesIn(DeviceState.SETTLED).size());
    fx.assertBoardsMatch(result);
    assertFalse(engine.isRunning());

    List<List<String>> waves = WavePlanner.waves(fx.plan("r1"));
    Set<String> canaryBoards = new HashSet<>();
    waves.get(0).forEach(id -> canaryBoards.add(fx.fleet.board(id).board));
    assertEquals(Set.of("esp32", "esp32s3", "esp32c3", "nrf52840"), canaryBoards);
    assertEquals(2, waves.size());

    // No board of the batch is pushed before every canary has settled.
    List<JournalEntry> entries = fx.journal.state("r1").orElseThrow().entries();
    int lastCanarySettled = -1;
    int firstBatchPush = Integer.MAX_VALUE;
    for (int i = 0; i < entries.size(); i++) {
      JournalEntry e = entries.get(i);
      String id = e.deviceId().orElse("");
      if (waves.get(0).contains(id) && e.type() == JournalEntry.Type.DEVICE_SETTLED) {
        lastCanarySettled = i;
      }
      if (waves.get(1).contains(id) && e.type() == JournalEntry.Type.DEVICE_PUSHED) {
        firstBatchPush = Math.min(firstBatchPush, i);
      }
    }
    assertTrue(lastCanarySettled < firstBatchPush, "batch pushed before the canary settled");

    assertEquals("rollout_started", fx.eventNames().get(0));
    assertEquals("rollout_completed", fx.eventNames().get(fx.eventNames().size() - 1));
    assertEquals(12, fx.eventsOf(RolloutEvent.Type.DEVICE_APPLIED).size());
    assertEquals(12, fx.eventsOf(RolloutEvent.Type.DEVICE_CONFIRMED).size());
    RolloutProgress last = fx.progress.get(fx.progress.size() - 1);
    assertEquals(
        new RolloutProgress("r1", "greenhouse", RolloutKind.DEPLOY, "done", 12, 12, 12, 0, 0),
        last);
    assertFalse(fx.journal.state("r1").orElseThrow().needsResume());
  }

  @Test
  void batchesFollowTheCanaryInOrder() {
    fx.mixedFleet();
    fx.rollout = new ModuleMetadata.Rollout(10, 5, 2_000, 3);
    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));
    assertEquals(Outcome.SUCCEEDED, result.outcome());
    List<String> phases = fx.progress.stream().map(RolloutProgress::phase).distinct().toList();
    assertEquals(List.of("canary", "batch 1", "batch 2", "batch 3", "done"), phases);
  }

  @Test
  void confirmationWaitsForTheHealthWindow() {
    fx.board("esp-1", "esp32");
    RolloutEngine engine = fx.engine();
    var stage = engine.start(fx.plan("r1")).toCompletableFuture();
    fx.time.advance(Duration.ofSeconds(14));
    assertFalse(stage.isDone());
    assertEquals(1, fx.eventsOf(RolloutEvent.Type.DEVICE_CONFIRMED).size());
    assertEquals("canary", engine.progress().orElseThrow().phase());
    fx.time.advance(Duration.ofSeconds(2));
    assertTrue(stage.isDone());
  }

  @Test
  void aBoardCrashingInsideTheHealthWindowFailsAfterItsConfirmation() {
    fx.rollout = new ModuleMetadata.Rollout(10, 50, 15_000, 0);
    fx.mixedFleet();
    FakeBoard crashing = fx.fleet.board("esp-6");
    crashing.fault = FakeBoard.Fault.CRASH_AFTER_APPLY;
    crashing.crashAfter = Duration.ofSeconds(10);

    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));

    DeviceResult r = result.devices().get("esp-6");
    assertEquals(DeviceState.FAILED, r.state());
    assertEquals(FailureCause.OLD_VERSION, r.cause().orElseThrow());
    assertTrue(r.recovered());
    assertTrue(fx.eventsOf(RolloutEvent.Type.DEVICE_CONFIRMED).contains("esp-6"));
    assertTrue(fx.eventsOf(RolloutEvent.Type.DEVICE_FAILED).contains("esp-6"));
    assertEquals(Outcome.SUCCEEDED, result.outcome());
    fx.assertBoardsMatch(result);
  }

  @Test
  void tooManyFailuresRollBackEveryBoardIncludingConfirmedOnes() {
    fx.rollout = new ModuleMetadata.Rollout(20, 5, 15_000, 0);
    for (int i = 1; i <= 10; i++) {
      fx.board("esp-" + i, "esp32");
    }
    // The canaries (esp-1, esp-10 by id order: esp-1, esp-10) are healthy; two later boards crash.
    fx.fleet.board("esp-5").fault = FakeBoard.Fault.CRASH_AFTER_APPLY;
    fx.fleet.board("esp-6").fault = FakeBoard.Fault.CRASH_AFTER_APPLY;

    RolloutEngine engine = fx.engine();
    RolloutResult result = fx.await(engine.start(fx.plan("r1")));

    assertEquals(Outcome.ROLLED_BACK, result.outcome());
    assertFalse(result.causes().isEmpty());
    assertTrue(result.causes().get(0).contains("max_failures"), result.causes().toString());
    List<String> canaries = WavePlanner.waves(fx.plan("r1")).get(0);
    for (String canary : canaries) {
      assertEquals(DeviceState.ROLLED_BACK, result.devices().get(canary).state());
      assertTrue(
          fx.journal.state("r1").orElseThrow().entries().stream()
              .anyMatch(
                  e ->
                      e.type() == JournalEntry.Type.DEVICE_SETTLED
                          && e.deviceId().orElse("").equals(canary)));
    }
    assertEquals(DeviceState.FAILED, result.devices().get("esp-5").state());
    for (DeviceResult d : result.devices().values()) {
      assertEquals(ImageRole.PREVIOUS, d.image(), d.toString());
    }
    fx.assertBoardsMatch(result);
    assertTrue(fx.eventNames().contains("rollback_started"));
    assertTrue(fx.eventNames().contains("rollback_completed"));
    assertEquals("rollout_completed", fx.eventNames().get(fx.eventNames().size() - 1));
    assertFalse(engine.isRunning());
  }

  @Test
  void aFailedCanaryAloneTripsTheThreshold() {
    fx.board("esp-1", "esp32").fault = FakeBoard.Fault.REJECT;
    for (int i = 2; i <= 5; i++) {
      fx.board("esp-" + i, "esp32");
    }
    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));
    assertEquals(Outcome.ROLLED_BACK, result.outcome());
    assertEquals(DeviceState.FAILED, result.devices().get("esp-1").state());
    assertEquals(4, result.devicesIn(DeviceState.NOT_REACHED).size());
    assertEquals(
        2, fx.fleet.pushes, "only the canary was pushed: the new image, then its previous one");
  }

  @Test
  void aDeployWhileARolloutRunsIsBusy() {
    fx.board("esp-1", "esp32");
    RolloutEngine engine = fx.engine();
    var first = engine.start(fx.plan("r1"));
    assertTrue(engine.isRunning());
    RolloutBusyException busy =
        assertThrows(RolloutBusyException.class, () -> engine.start(fx.plan("r2")));
    assertEquals(io.edgeconf.agent.ErrorCode.BUSY, busy.code());
    fx.await(first);
    assertFalse(engine.isRunning());
    assertEquals(Outcome.SUCCEEDED, fx.await(engine.start(fx.plan("r2"))).outcome());
  }

  @Test
  void anOperatorsRollbackIsOneWaveWithRollbackEvents() {
    fx.mixedFleet();
    RolloutResult result = fx.await(fx.engine().start(fx.plan("rb1", RolloutKind.ROLLBACK)));
    assertEquals(Outcome.SUCCEEDED, result.outcome());
    assertEquals("rollback_started", fx.eventNames().get(0));
    assertEquals("rollback_completed", fx.eventNames().get(fx.eventNames().size() - 1));
    assertEquals(
        List.of("rollback", "done"),
        fx.progress.stream().map(RolloutProgress::phase).distinct().toList());
    fx.assertBoardsMatch(result);
  }

  @Test
  void aFailedBoardWithoutAPreviousImageHasItsDesiredImageCleared() {
    fx.rollout = new ModuleMetadata.Rollout(10, 100, 15_000, 0);
    fx.board("esp-1", "esp32");
    fx.board("esp-2", "esp32", false).fault = FakeBoard.Fault.UNHEALTHY;
    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));
    DeviceResult r = result.devices().get("esp-2");
    assertEquals(DeviceState.FAILED, r.state());
    assertEquals(ImageRole.NONE, r.image());
    fx.assertBoardsMatch(result);
  }

  @Test
  void mqttAndCoapBoardsAreBothServed() {
    fx.board("esp-1", "esp32");
    fx.board("nrf-1", "nrf52840");
    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));
    assertEquals(Transport.COAP, fx.fleet.board("nrf-1").transport);
    assertEquals(2, result.devicesIn(DeviceState.SETTLED).size());
  }
}
