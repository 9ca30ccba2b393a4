package io.edgeconf.agent.waves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.module.ModuleMetadata;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A board is settled only on a report from the end of its health window: one that crashed late in
 * its window, while the transport still counts it online, is judged by what it reports next. A
 * settled board that reports another image while the rollout runs failed it. Manual time: the fleet
 * reports every second, boards ack 50 ms after a push, so a 15 s window opened at 0.05 s ends at
 * 15.05 s, between the reports of 15 s and 16 s.
 */
class WindowEndTest {
  private final Fixture fx = new Fixture();

  @Test
  void aCoapBoardCrashingLateInItsWindowAndBackAfterItFailsOldVersion() {
    fx.rollout = new ModuleMetadata.Rollout(100, 100, 15_000, 0);
    fx.board("esp-1", "esp32");
    FakeBoard nrf = fx.board("nrf-1", "nrf52840");
    // Reports at 14 s, crashes at 14.5 s, dark (the CoAP transport does not notice) until 15.5 s,
    // after its window, then reports its previous image.
    fx.fleet.at(
        Duration.ofMillis(14_500), () -> fx.fleet.crashDark("nrf-1", Duration.ofSeconds(1)));

    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));

    DeviceResult r = result.devices().get("nrf-1");
    assertEquals(DeviceState.FAILED, r.state(), fx.eventNames() + " " + r);
    assertEquals(Optional.of(FailureCause.OLD_VERSION), r.cause());
    assertTrue(r.recovered(), r.toString());
    assertEquals(ImageRole.PREVIOUS, r.image());
    assertArrayEquals(nrf.initial, nrf.active);
    assertEquals(DeviceState.SETTLED, result.devices().get("esp-1").state());
    assertEquals(Outcome.SUCCEEDED, result.outcome());
    fx.assertBoardsMatch(result);
  }

  @Test
  void aBoardSilentAfterItsWindowThatStaysOnlineFailsSilent() {
    fx.rollout = new ModuleMetadata.Rollout(100, 100, 15_000, 0);
    fx.board("esp-1", "esp32");
    FakeBoard nrf = fx.board("nrf-1", "nrf52840");
    fx.fleet.at(Duration.ofMillis(14_500), () -> nrf.silent = true);

    RolloutEngine engine = fx.engine();
    var stage = engine.start(fx.plan("r1")).toCompletableFuture();
    fx.time.advance(Duration.ofSeconds(40));
    assertFalse(stage.isDone(), "nrf-1 is still waiting for a report from the end of its window");
    assertEquals(2, engine.progress().orElseThrow().confirmed());
    RolloutResult result = fx.await(stage);

    DeviceResult r = result.devices().get("nrf-1");
    assertEquals(DeviceState.FAILED, r.state(), fx.eventNames() + " " + r);
    assertEquals(Optional.of(FailureCause.SILENT), r.cause());
    assertArrayEquals(nrf.initial, nrf.active);
    fx.assertBoardsMatch(result);
  }

  @Test
  void aBoardGoingOfflineWhileItsWindowEndAwaitsAReportIsOfflineAndItsReportsDecide() {
    fx.rollout = new ModuleMetadata.Rollout(100, 100, 15_000, 0);
    fx.board("esp-1", "esp32");
    FakeBoard nrf = fx.board("nrf-1", "nrf52840");
    fx.fleet.at(Duration.ofMillis(14_500), () -> nrf.silent = true);
    fx.fleet.at(Duration.ofSeconds(18), () -> fx.fleet.goOffline("nrf-1"));

    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));
    assertEquals(
        DeviceState.OFFLINE, result.devices().get("nrf-1").state(), fx.eventNames().toString());
    assertEquals(0, fx.eventsOf(RolloutEvent.Type.DEVICE_FAILED).size());

    // It crashed and comes back on its previous slot: not pushed again, its report decides.
    nrf.crashAndRevert();
    fx.fleet.comeOnline("nrf-1");
    RolloutResult end = fx.settle("r1");

    DeviceResult r = end.devices().get("nrf-1");
    assertEquals(DeviceState.FAILED, r.state(), fx.eventNames() + " " + r);
    assertEquals(Optional.of(FailureCause.OLD_VERSION), r.cause());
    assertEquals(1, nrf.applies, "the crashed board was not sent the new image again");
    fx.assertBoardsMatch(end);
  }

  @Test
  void aSettledBoardReportingItsOldImageWhileTheRolloutRunsFailsAndCounts() {
    // Canary esp-1 settles at 16 s; the batch (esp-2) is in its window when esp-1 reverts itself.
    fx.rollout = new ModuleMetadata.Rollout(10, 30, 15_000, 0);
    FakeBoard canary = fx.board("esp-1", "esp32");
    fx.board("esp-2", "esp32");
    RolloutEngine engine = fx.engine();
    var stage = engine.start(fx.plan("r1")).toCompletableFuture();
    fx.time.advance(Duration.ofSeconds(20));
    assertEquals("batch 1", engine.progress().orElseThrow().phase());
    assertTrue(
        fx.journal.state("r1").orElseThrow().entries().stream()
            .anyMatch(
                e ->
                    e.type() == JournalEntry.Type.DEVICE_SETTLED
                        && e.deviceId().orElseThrow().equals("esp-1")));
    canary.crashAndRevert();

    RolloutResult result = fx.await(stage);

    DeviceResult r = result.devices().get("esp-1");
    assertEquals(DeviceState.FAILED, r.state(), fx.eventNames() + " " + r);
    assertEquals(Optional.of(FailureCause.OLD_VERSION), r.cause());
    // 1 of 2 tried failed, above max_failures 30 %: the late failure counts.
    assertEquals(Outcome.ROLLED_BACK, result.outcome(), result.causes().toString());
    assertEquals(DeviceState.ROLLED_BACK, result.devices().get("esp-2").state());
    fx.assertBoardsMatch(result);
  }
}
