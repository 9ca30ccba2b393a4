package io.edgeconf.agent.waves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.module.ModuleMetadata;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each way a board fails ends with its cause recorded and the board back on its previous image. */
class FailureCausesTest {
  @ParameterizedTest
  @CsvSource({
    "REJECT, REJECTED, esp32",
    "NO_ACK, TIMEOUT, esp32",
    "SILENT, SILENT, esp32",
    "UNHEALTHY, UNHEALTHY, esp32",
    "CRASH_AFTER_APPLY, OLD_VERSION, esp32",
    "REJECT, REJECTED, nrf52840",
    "NO_ACK, TIMEOUT, nrf52840",
    "SILENT, SILENT, nrf52840",
    "UNHEALTHY, UNHEALTHY, nrf52840",
    "CRASH_AFTER_APPLY, OLD_VERSION, nrf52840",
  })
  void aFailureIsRecordedAndTheBoardReverted(
      FakeBoard.Fault fault, FailureCause cause, String board) {
    Fixture fx = new Fixture();
    fx.rollout = new ModuleMetadata.Rollout(10, 50, 15_000, 0);
    fx.board("a-canary", board);
    fx.board("b-good", board);
    FakeBoard bad = fx.board("c-bad", board);
    bad.fault = fault;
    bad.crashAfter = Duration.ofSeconds(3);

    RolloutResult result = fx.await(fx.engine().start(fx.plan("r1")));

    DeviceResult r = result.devices().get("c-bad");
    assertEquals(DeviceState.FAILED, r.state(), r.toString());
    assertEquals(cause, r.cause().orElseThrow());
    assertTrue(r.recovered(), r.toString());
    assertEquals(ImageRole.PREVIOUS, r.image());
    assertEquals(Outcome.SUCCEEDED, result.outcome());
    assertEquals(DeviceState.SETTLED, result.devices().get("b-good").state());
    assertArrayEquals(bad.initial, bad.active);
    fx.assertBoardsMatch(result);
    RolloutEvent failed =
        fx.events.stream()
            .filter(e -> e.type() == RolloutEvent.Type.DEVICE_FAILED)
            .findFirst()
            .orElseThrow();
    assertEquals("c-bad", failed.deviceId().orElseThrow());
    assertEquals(cause, failed.cause().orElseThrow());
    assertTrue(
        fx.journal.state("r1").orElseThrow().entries().stream()
            .anyMatch(
                e ->
                    e.type() == JournalEntry.Type.DEVICE_FAILED
                        && e.cause().orElseThrow() == cause));
  }
}
