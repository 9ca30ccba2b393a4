package io.edgeconf.hardware;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the gateway's GPIO lines drive (see docs/hardware.md for the file format). Pins are BCM
 * numbers. Immutable.
 *
 * @param leds status LEDs; all show the same pattern
 * @param resets one reset line per wired board, by device id
 * @param button the optional button whose long press asks for a rollback
 */
public record Wiring(List<Led> leds, Map<String, ResetLine> resets, Optional<Button> button) {
  /** A status LED. */
  public record Led(String name, int pin, boolean activeHigh) {
    public Led {
      requirePin(pin, "led " + name);
    }
  }

  /** A board's reset line: driven to its active level for {@code pulse}, then released. */
  public record ResetLine(String deviceId, int pin, boolean activeHigh, Duration pulse) {
    public ResetLine {
      requirePin(pin, "reset line of " + deviceId);
      if (pulse.isNegative() || pulse.isZero() || pulse.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new HardwareException(
            "reset line of " + deviceId + ": pulse " + pulse + " must lie in (0, 10s]");
      }
    }
  }

  /** A push button; pressing it means the line is at its active level. */
  public record Button(int pin, boolean activeHigh, Duration longPress) {
    public Button {
      requirePin(pin, "button");
      if (longPress.compareTo(Duration.ofMillis(100)) < 0) {
        throw new HardwareException("button: long_press " + longPress + " is shorter than 100ms");
      }
    }
  }

  public Wiring {
    leds = List.copyOf(leds);
    resets = Map.copyOf(resets);
    var pins = new java.util.ArrayList<Integer>(leds.stream().map(Led::pin).toList());
    resets.values().forEach(r -> pins.add(r.pin()));
    button.ifPresent(b -> pins.add(b.pin()));
    var duplicates =
        pins.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
            .entrySet()
            .stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .toList();
    if (!duplicates.isEmpty()) {
      throw new HardwareException("pins wired twice: " + duplicates);
    }
  }

  /** No lines at all: a gateway without wiring. */
  public static Wiring none() {
    return new Wiring(List.of(), Map.of(), Optional.empty());
  }

  private static void requirePin(int pin, String what) {
    if (pin < 0 || pin > 53) {
      throw new HardwareException(what + ": pin " + pin + " is not a BCM GPIO number (0..53)");
    }
  }
}
