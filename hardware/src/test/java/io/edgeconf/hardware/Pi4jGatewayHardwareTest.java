package io.edgeconf.hardware;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives Pi4J's mock provider and checks line states and timings. */
class Pi4jGatewayHardwareTest {
  private final Wiring wiring =
      new Wiring(
          List.of(new Wiring.Led("status", 17, true)),
          Map.of("gh-esp-01", new Wiring.ResetLine("gh-esp-01", 22, false, Duration.ofMillis(120))),
          Optional.of(new Wiring.Button(27, false, Duration.ofMillis(300))));

  private ScheduledExecutorService scheduler;
  private Context context;
  private GatewayHardware hardware;

  @BeforeEach
  void open() {
    scheduler = Executors.newSingleThreadScheduledExecutor();
    context =
        Pi4J.newContextBuilder()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();
    hardware =
        new Pi4jGatewayHardware(
            context,
            true,
            MockDigitalOutputProvider.ID,
            MockDigitalInputProvider.ID,
            wiring,
            scheduler);
  }

  @AfterEach
  void close() {
    hardware.close();
    scheduler.shutdownNow();
  }

  private DigitalState line(String id) {
    return context.registry().get(id, DigitalOutput.class).state();
  }

  @Test
  void linesStartInactive() {
    assertEquals(DigitalState.LOW, line("led-status"));
    assertEquals(DigitalState.HIGH, line("reset-gh-esp-01"), "active-low reset idles high");
    assertEquals(StatusPattern.OFF, hardware.shown());
    assertTrue(hardware.simulated());
  }

  @Test
  void steadyIsOnAndOffIsOff() {
    hardware.show(StatusPattern.STEADY);
    assertEquals(DigitalState.HIGH, line("led-status"));
    hardware.show(StatusPattern.OFF);
    assertEquals(DigitalState.LOW, line("led-status"));
  }

  @Test
  void fastBlinkTogglesTheLed() {
    hardware.show(StatusPattern.FAST_BLINK);
    List<DigitalState> seen = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              DigitalState s = line("led-status");
              if (seen.isEmpty() || seen.get(seen.size() - 1) != s) {
                seen.add(s);
              }
              return seen.size() >= 4;
            });
    hardware.show(StatusPattern.STEADY);
    assertEquals(DigitalState.HIGH, line("led-status"));
  }

  @Test
  void closingTurnsTheLedOff() {
    hardware.show(StatusPattern.SLOW_BLINK);
    hardware.close();
    assertEquals(StatusPattern.OFF, hardware.shown());
  }

  @Test
  void resetPulseDrivesTheLineActiveForItsLength() throws Exception {
    long start = System.nanoTime();
    var released = hardware.pulseReset("gh-esp-01");
    assertEquals(DigitalState.LOW, line("reset-gh-esp-01"), "active-low line is driven low");
    released.get(10, TimeUnit.SECONDS);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(DigitalState.HIGH, line("reset-gh-esp-01"));
    assertTrue(elapsedMs >= 120, "released after " + elapsedMs + " ms, before the pulse ended");
  }

  @Test
  void resetOfAnUnwiredBoardFails() {
    assertFalse(hardware.hasResetLine("gh-nrf-07"));
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> hardware.pulseReset("gh-nrf-07").get());
    assertInstanceOf(HardwareException.class, e.getCause());
  }

  @Test
  void longPressAsksForRollbackButAShortPressDoesNot() {
    AtomicInteger presses = new AtomicInteger();
    hardware.onLongPress(presses::incrementAndGet);
    MockDigitalInput button = context.registry().get("button", MockDigitalInput.class);
    // The mock input starts LOW, which this active-low button reads as pressed, without an event:
    // release it first, or the "short press" below is no press at all.
    button.mockState(DigitalState.HIGH);
    button.mockState(DigitalState.LOW);
    button.mockState(DigitalState.HIGH); // released at once: a short press
    button.mockState(DigitalState.LOW); // held
    await().atMost(Duration.ofSeconds(10)).until(() -> presses.get() == 1);
    button.mockState(DigitalState.HIGH);
    assertEquals(1, presses.get());
  }
}
