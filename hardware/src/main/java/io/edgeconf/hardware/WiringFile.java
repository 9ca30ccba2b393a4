package io.edgeconf.hardware;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a wiring file: Java properties with the keys {@code led.NAME.pin}, {@code led.NAME.active}
 * ({@code high}|{@code low}), {@code reset.DEVICE.pin}, {@code reset.DEVICE.active}, {@code
 * reset.DEVICE.pulse} (e.g. {@code 200ms}), {@code button.pin}, {@code button.active}, {@code
 * button.long_press} (e.g. {@code 3s}). Unknown keys are errors, so a typo cannot silently leave a
 * board unwired.
 */
public final class WiringFile {
  private static final Pattern LED = Pattern.compile("led\\.([A-Za-z0-9_-]+)\\.(pin|active)");
  private static final Pattern RESET =
      Pattern.compile("reset\\.([A-Za-z0-9._-]{1,64})\\.(pin|active|pulse)");
  private static final Pattern BUTTON = Pattern.compile("button\\.(pin|active|long_press)");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)");

  private WiringFile() {}

  /**
   * @throws HardwareException naming the file and the key that is wrong
   */
  public static Wiring read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties p = new Properties();
      p.load(reader);
      return parse(p, file.toString());
    } catch (IOException e) {
      throw new HardwareException("cannot read wiring file " + file + ": " + e.getMessage(), e);
    }
  }

  static Wiring parse(Properties p, String source) {
    Map<String, Map<String, String>> leds = new HashMap<>();
    Map<String, Map<String, String>> resets = new HashMap<>();
    Map<String, String> button = new HashMap<>();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      String value = p.getProperty(key).trim();
      Matcher m;
      if ((m = LED.matcher(key)).matches()) {
        leds.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(m.group(2), value);
      } else if ((m = RESET.matcher(key)).matches()) {
        resets.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(m.group(2), value);
      } else if ((m = BUTTON.matcher(key)).matches()) {
        button.put(m.group(1), value);
      } else {
        throw new HardwareException(source + ": unknown key '" + key + "'");
      }
    }
    List<Wiring.Led> ledList = new ArrayList<>();
    leds.forEach(
        (name, v) ->
            ledList.add(
                new Wiring.Led(
                    name, pin(v, source, "led." + name), active(v, source, "led." + name, true))));
    ledList.sort((a, b) -> a.name().compareTo(b.name()));
    Map<String, Wiring.ResetLine> resetMap = new HashMap<>();
    resets.forEach(
        (id, v) ->
            resetMap.put(
                id,
                new Wiring.ResetLine(
                    id,
                    pin(v, source, "reset." + id),
                    active(v, source, "reset." + id, false),
                    duration(v.getOrDefault("pulse", "200ms"), source, "reset." + id + ".pulse"))));
    Optional<Wiring.Button> b =
        button.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Wiring.Button(
                    pin(button, source, "button"),
                    active(button, source, "button", false),
                    duration(
                        button.getOrDefault("long_press", "3s"), source, "button.long_press")));
    return new Wiring(ledList, resetMap, b);
  }

  private static int pin(Map<String, String> v, String source, String prefix) {
    String text = v.get("pin");
    if (text == null) {
      throw new HardwareException(source + ": " + prefix + ".pin is missing");
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new HardwareException(source + ": " + prefix + ".pin '" + text + "' is not a number");
    }
  }

  private static boolean active(
      Map<String, String> v, String source, String prefix, boolean defaultHigh) {
    String text = v.getOrDefault("active", defaultHigh ? "high" : "low");
    return switch (text) {
      case "high" -> true;
      case "low" -> false;
      default ->
          throw new HardwareException(
              source + ": " + prefix + ".active '" + text + "' is neither high nor low");
    };
  }

  private static Duration duration(String text, String source, String key) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new HardwareException(source + ": " + key + " '" + text + "' is not like 200ms or 3s");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
  }
}
