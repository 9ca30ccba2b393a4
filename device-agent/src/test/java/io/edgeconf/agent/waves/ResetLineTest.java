package io.edgeconf.agent.waves;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResetLineTest {
  private final Fixture fx = new Fixture();
  private WiredHardware hardware;

  private void wire(String deviceId) {
    var wiring =
        new Wiring(
            List.of(),
            Map.of(deviceId, new Wiring.ResetLine(deviceId, 17, false, Duration.ofMillis(200))),
            Optional.empty());
    hardware =
        new WiredHardware(
            GatewayHardwareFactory.mock(wiring, new ManualScheduler(fx.time)), fx.fleet);
    fx.hardware = Optional.of(hardware);
  }

  @AfterEach
  void close() {
    if (hardware != null) {
      hardware.close();
    }
  }

  private FakeBoard stuckBoard() {
    fx.rollout = new ModuleMetadata.Rollout(10, 50, 15_000, 0);
    fx.board("esp-1", "esp32");
    FakeBoard b = fx.board("esp-2", "esp32");
    b.fault = FakeBoard.Fault.UNHEALTHY;
    b.stuckOnRevert = true;
    return b;
  }

  @Test
  void aBoardThatDoesNotComeBackIsPulsedOnceAndRecovers() {
    FakeBoard b = stuckBoard();
    wire("esp-2");
    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));

    assertEquals(List.of("esp-2"), hardware.pulsed);
    assertEquals(1, b.resets);
    DeviceResult r = result.devices().get("esp-2");
    assertEquals(DeviceState.FAILED, r.state());
    assertTrue(r.recovered());
    assertTrue(
        fx.journal.state("r1").orElseThrow().entries().stream()
            .anyMatch(e -> e.type() == JournalEntry.Type.DEVICE_RESET_PULSED));
    fx.assertBoardsMatch(result);
  }

  @Test
  void withoutAResetLineTheBoardIsMarkedFailedUnrecovered() {
    stuckBoard();
    wire("someone-else");
    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));
    assertTrue(hardware.pulsed.isEmpty());
    DeviceResult r = result.devices().get("esp-2");
    assertEquals(DeviceState.FAILED, r.state());
    assertFalse(r.recovered());
    assertEquals(Outcome.SUCCEEDED, result.outcome());
    fx.assertBoardsMatch(result);
  }
}
