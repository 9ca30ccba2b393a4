package io.edgeconf.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the GPIO provider: gpiod on a Raspberry Pi with a wiring file; Pi4J's mock provider
 * otherwise (no wiring file, or not a Pi), which it says once.
 */
public final class GatewayHardwareFactory {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayHardwareFactory.class);
  private static final Path DEVICE_TREE_MODEL = Path.of("/proc/device-tree/model");

  private GatewayHardwareFactory() {}

  /**
   * @param wiringFile the wiring file, if the gateway has one
   * @param scheduler runs blink, pulse and long-press timing
   * @throws HardwareException when the wiring file cannot be read or is wrong
   */
  public static GatewayHardware open(
      Optional<Path> wiringFile, ScheduledExecutorService scheduler) {
    Wiring wiring = wiringFile.map(WiringFile::read).orElse(Wiring.none());
    if (wiringFile.isPresent() && onRaspberryPi()) {
      LOG.info("GPIO: Raspberry Pi detected, using the gpiod provider with {}", wiringFile.get());
      return new Pi4jGatewayHardware(Pi4J.newAutoContext(), false, null, null, wiring, scheduler);
    }
    LOG.info(
        "GPIO: {}; using Pi4J's mock provider (LED and reset lines are simulated)",
        wiringFile.isEmpty() ? "no wiring file given" : "not a Raspberry Pi");
    return mock(wiring, scheduler);
  }

  /** Hardware on Pi4J's mock provider, for tests and machines that are not a Pi. */
  public static GatewayHardware mock(Wiring wiring, ScheduledExecutorService scheduler) {
    Context context =
        Pi4J.newContextBuilder()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();
    return new Pi4jGatewayHardware(
        context,
        true,
        MockDigitalOutputProvider.ID,
        MockDigitalInputProvider.ID,
        wiring,
        scheduler);
  }

  private static boolean onRaspberryPi() {
    try {
      return Files.isReadable(DEVICE_TREE_MODEL)
          && new String(Files.readAllBytes(DEVICE_TREE_MODEL), StandardCharsets.US_ASCII)
              .contains("Raspberry Pi");
    } catch (IOException e) {
      return false;
    }
  }
}
