package io.edgeconf.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.Optional;

/**
 * The lines of hardware simulated by Pi4J's mock provider, for tests that hold only the {@link
 * GatewayHardware} some other code opened (an agent's): drive the button's level, watch the LEDs
 * and reset lines (read their state, or add a state-change listener). Never available for real
 * GPIO. Pi4J's mock input starts {@code LOW} without an event, so an active-low button reads as
 * pressed until a test first drives it {@code HIGH}.
 */
public final class MockLines {
  private final Context pi4j;

  private MockLines(Context pi4j) {
    this.pi4j = pi4j;
  }

  /** The lines of {@code hardware} when Pi4J's mock provider simulates them; else empty. */
  public static Optional<MockLines> of(GatewayHardware hardware) {
    return hardware instanceof Pi4jGatewayHardware p && p.simulated()
        ? Optional.of(new MockLines(p.context()))
        : Optional.empty();
  }

  /**
   * The button's input; {@link MockDigitalInput#mockState} sets its level.
   *
   * @throws HardwareException when the wiring has no button
   */
  public MockDigitalInput button() {
    return line("button", MockDigitalInput.class);
  }

  /**
   * A status LED's output, by its name in the wiring ({@code led.NAME.pin}).
   *
   * @throws HardwareException when no LED has that name
   */
  public DigitalOutput led(String name) {
    return line("led-" + name, DigitalOutput.class);
  }

  /**
   * A board's reset line.
   *
   * @throws HardwareException when the board has no reset line
   */
  public DigitalOutput resetLine(String deviceId) {
    return line("reset-" + deviceId, DigitalOutput.class);
  }

  private <T extends IO> T line(String id, Class<T> type) {
    if (!pi4j.registry().exists(id)) {
      throw new HardwareException("the mock hardware has no line '" + id + "'");
    }
    return pi4j.registry().get(id, type);
  }
}
