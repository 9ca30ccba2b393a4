package io.edgeconf.agent.waves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.module.ModuleMetadata;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfflineConvergenceTest {
  private final Fixture fx = new Fixture();

  @Test
  void offlineBoardsKeepTheNewImageDesiredAndConvergeWhenTheyReturn() {
    fx.board("esp-1", "esp32");
    fx.board("esp-2", "esp32");
    fx.board("nrf-1", "nrf52840");
    fx.board("nrf-2", "nrf52840");
    fx.offline("esp-2", "nrf-2");
    RolloutEngine engine = fx.engine();

    RolloutResult result = fx.await(engine.start(fx.plan("r1")));

    assertEquals(Outcome.SUCCEEDED, result.outcome());
    assertEquals(DeviceState.OFFLINE, result.devices().get("esp-2").state());
    assertEquals(DeviceState.OFFLINE, result.devices().get("nrf-2").state());
    assertEquals(0, fx.eventsOf(RolloutEvent.Type.DEVICE_FAILED).size());
    assertFalse(engine.isRunning());
    assertTrue(fx.journal.state("r1").orElseThrow().needsResume());
    DevicePlan esp2 = fx.plan("r1").device("esp-2").orElseThrow();
    assertArrayEquals(esp2.newImage(), fx.fleet.board("esp-2").desired);
    fx.assertBoardsMatch(result);

    fx.fleet.comeOnline("esp-2");
    fx.fleet.comeOnline("nrf-2");
    fx.time.advance(Duration.ofSeconds(20));

    assertArrayEquals(esp2.newImage(), fx.fleet.board("esp-2").active);
    assertArrayEquals(
        fx.plan("r1").device("nrf-2").orElseThrow().newImage(), fx.fleet.board("nrf-2").active);
    assertTrue(
        fx.eventsOf(RolloutEvent.Type.DEVICE_CONFIRMED)
            .containsAll(java.util.List.of("esp-2", "nrf-2")));
    assertFalse(fx.journal.state("r1").orElseThrow().needsResume());
  }

  @Test
  void aReturningBoardThatFailsIsRevertedAndCountsOnlyThen() {
    fx.rollout = new ModuleMetadata.Rollout(10, 30, 15_000, 0);
    fx.board("esp-1", "esp32");
    fx.board("esp-2", "esp32");
    fx.board("esp-3", "esp32");
    fx.board("esp-4", "esp32").fault = FakeBoard.Fault.UNHEALTHY;
    fx.offline("esp-4");
    RolloutEngine engine = fx.engine();
    var stage = engine.start(fx.plan("r1")).toCompletableFuture();
    fx.time.advance(Duration.ofSeconds(20));
    assertEquals("batch 1", engine.progress().orElseThrow().phase());
    assertEquals(1, engine.progress().orElseThrow().offline());
    fx.fleet.comeOnline("esp-4");
    RolloutResult result = fx.await(stage);

    assertEquals(Outcome.SUCCEEDED, result.outcome(), result.causes().toString());
    DeviceResult r = result.devices().get("esp-4");
    assertEquals(DeviceState.FAILED, r.state());
    assertEquals(FailureCause.UNHEALTHY, r.cause().orElseThrow());
    fx.assertBoardsMatch(result);
  }

  @Test
  void aBoardGoingOfflineInsideTheWindowIsNotAFailure() {
    fx.board("esp-1", "esp32");
    fx.board("esp-2", "esp32");
    RolloutEngine engine = fx.engine();
    var stage = engine.start(fx.plan("r1")).toCompletableFuture();
    fx.time.advance(Duration.ofSeconds(20));
    // esp-2 is in the batch now.
    fx.fleet.goOffline("esp-2");
    RolloutResult result = fx.await(stage);
    assertEquals(DeviceState.OFFLINE, result.devices().get("esp-2").state());
    fx.fleet.comeOnline("esp-2");
    fx.time.advance(Duration.ofSeconds(20));
    assertFalse(fx.journal.state("r1").orElseThrow().needsResume());
    assertEquals(0, fx.eventsOf(RolloutEvent.Type.DEVICE_FAILED).size());
  }

  @Test
  void aRollbackLeavesOfflineBoardsWithTheirPreviousImageDesired() {
    fx.board("esp-1", "esp32");
    fx.board("esp-2", "esp32").fault = FakeBoard.Fault.CRASH_AFTER_APPLY;
    fx.board("esp-3", "esp32");
    fx.rollout = new ModuleMetadata.Rollout(10, 5, 15_000, 0);
    RolloutEngine engine = fx.engine();
    // Offline only in the fleet: the engine finds it offline when its wave comes.
    fx.fleet.board("esp-3").online = false;
    RolloutResult result = fx.await(engine.start(fx.plan("r1")));
    assertEquals(Outcome.ROLLED_BACK, result.outcome());
    assertEquals(DeviceState.ROLLED_BACK, result.devices().get("esp-3").state());
    assertArrayEquals(
        fx.plan("r1").device("esp-3").orElseThrow().previousImage().orElseThrow(),
        fx.fleet.board("esp-3").desired);
    fx.assertBoardsMatch(result);
  }

  @Test
  void aBoardThatCrashesRebootsAndReturnsOnItsOldImageFails() {
    fx.rollout = new ModuleMetadata.Rollout(10, 50, 15_000, 0);
    fx.board("esp-1", "esp32");
    FakeBoard b = fx.board("esp-2", "esp32");
    RolloutEngine engine = fx.engine();
    var stage = engine.start(fx.plan("r1")).toCompletableFuture();
    fx.time.advance(Duration.ofSeconds(18));
    // esp-2 applied; now it crashes, reboots on its previous slot and comes back.
    fx.fleet.goOffline("esp-2");
    b.crashAndRevert();
    fx.time.advance(Duration.ofSeconds(2));
    fx.fleet.comeOnline("esp-2");
    RolloutResult result = fx.await(stage);
    assertEquals(
        Optional.of(FailureCause.OLD_VERSION),
        result.devices().get("esp-2").cause(),
        fx.eventNames() + " " + result);
    assertEquals(1, b.applies, "the crashed board was not sent the new image again");
    fx.assertBoardsMatch(result);
  }

  @Test
  void aBoardBackWithoutAnAckAtThePushDeadlineFailsAndIsNotPushedAgain() {
    // A power cut mid-write: the board drops off during the push, boots on its old slot and is
    // back before the deadline without ever acking.
    fx.rollout = new ModuleMetadata.Rollout(10, 100, 15_000, 0);
    FakeBoard b = fx.board("esp-1", "esp32");
    b.fault = FakeBoard.Fault.NO_ACK;
    RolloutEngine engine = fx.engine();
    var stage = engine.start(fx.plan("r1"));
    fx.fleet.at(Duration.ofSeconds(1), () -> fx.fleet.goOffline("esp-1"));
    fx.fleet.at(Duration.ofSeconds(2), () -> fx.fleet.comeOnline("esp-1"));
    RolloutResult result = fx.await(stage);

    DeviceResult r = result.devices().get("esp-1");
    assertEquals(DeviceState.FAILED, r.state(), fx.eventNames() + " " + result);
    assertEquals(Optional.of(FailureCause.TIMEOUT), r.cause());
    assertEquals(ImageRole.PREVIOUS, r.image());
    fx.settle("r1");
    assertEquals(2, fx.fleet.pushes, "the new image once, then the previous one");
    fx.assertBoardsMatch(result);
  }
}
