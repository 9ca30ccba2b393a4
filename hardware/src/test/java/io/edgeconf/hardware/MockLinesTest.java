package io.edgeconf.hardware;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lines of mock hardware reached through the {@link GatewayHardware} alone. */
class MockLinesTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final GatewayHardware hardware =
      GatewayHardwareFactory.mock(
          new Wiring(
              List.of(new Wiring.Led("status", 17, true)),
              Map.of(
                  "gh-esp-01", new Wiring.ResetLine("gh-esp-01", 22, true, Duration.ofMillis(50))),
              Optional.of(new Wiring.Button(27, false, Duration.ofMillis(100)))),
          scheduler);

  @AfterEach
  void close() {
    hardware.close();
    scheduler.shutdownNow();
  }

  @Test
  void reachesTheLinesOfMockHardware() throws Exception {
    MockLines lines = MockLines.of(hardware).orElseThrow();
    hardware.show(StatusPattern.STEADY);
    assertEquals(DigitalState.HIGH, lines.led("status").state());
    hardware.pulseReset("gh-esp-01").get();
    assertEquals(DigitalState.LOW, lines.resetLine("gh-esp-01").state(), "released");

    AtomicInteger presses = new AtomicInteger();
    hardware.onLongPress(presses::incrementAndGet);
    lines.button().mockState(DigitalState.HIGH); // the mock starts LOW: pressed, for active-low
    lines.button().mockState(DigitalState.LOW);
    await().atMost(Duration.ofSeconds(10)).until(() -> presses.get() == 1);
  }

  @Test
  void anUnwiredLineIsAnError() {
    MockLines lines = MockLines.of(hardware).orElseThrow();
    var e = assertThrows(HardwareException.class, () -> lines.resetLine("gh-nrf-07"));
    assertTrue(e.getMessage().contains("reset-gh-nrf-07"), e.getMessage());
    assertThrows(HardwareException.class, () -> lines.led("panel"));
  }

  @Test
  void otherHardwareHasNoMockLines() {
    GatewayHardware other =
        new GatewayHardware() {
          @Override
          public void show(StatusPattern pattern) {}

          @Override
          public StatusPattern shown() {
            return StatusPattern.OFF;
          }

          @Override
          public boolean hasResetLine(String deviceId) {
            return false;
          }

          @Override
          public java.util.concurrent.CompletableFuture<Void> pulseReset(String deviceId) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
          }

          @Override
          public void onLongPress(Runnable action) {}

          @Override
          public boolean simulated() {
            return true;
          }

          @Override
          public void close() {}
        };
    assertTrue(MockLines.of(other).isEmpty());
  }
}
