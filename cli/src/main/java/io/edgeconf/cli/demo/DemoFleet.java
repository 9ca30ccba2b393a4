package io.edgeconf.cli.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated boards of the demo. Immutable; validated at construction.
 *
 * @param idPrefix device ids are {@code PREFIX-BOARD-NNN}
 * @param policy the policy the boards' firmware names
 * @param counts boards per board name, in order
 * @param zones zones spread round-robin
 * @param tags tags and the share of boards carrying each
 * @param healthInterval time between two health reports of a board
 * @param crashing the boards that crash after applying the second version
 */
record DemoFleet(
    String idPrefix,
    String policy,
    Map<String, Integer> counts,
    List<String> zones,
    Map<String, Double> tags,
    Duration healthInterval,
    List<String> crashing) {
  DemoFleet {
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    zones = List.copyOf(zones);
    tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    crashing = List.copyOf(crashing);
    if (counts.values().stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("every board count must be at least 1: " + counts);
    }
    if (healthInterval == null || healthInterval.isNegative() || healthInterval.isZero()) {
      throw new IllegalArgumentException("healthInterval must be positive: " + healthInterval);
    }
  }

  /** 6 ESP32 and 4 nRF52840 boards in three zones, a quarter with a heater; 3 of them crash. */
  static DemoFleet greenhouse() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("esp32", 6);
    counts.put("nrf52840", 4);
    Map<String, Double> tags = new LinkedHashMap<>();
    tags.put("heater", 0.25);
    tags.put("vent", 0.5);
    return new DemoFleet(
        "gh",
        "greenhouse",
        counts,
        List.of("north", "south", "east"),
        tags,
        Duration.ofMillis(500),
        List.of("gh-esp32-004", "gh-esp32-006", "gh-nrf52840-003"));
  }

  /** How many boards in all. */
  int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
