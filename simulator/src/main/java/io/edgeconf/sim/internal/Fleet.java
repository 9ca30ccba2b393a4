package io.edgeconf.sim.internal;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.sim.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The boards the options describe: ids {@code PREFIX-BOARD-NNN} (at least three digits), zones
 * round-robin over all boards, and each tag on an evenly spread share of them.
 */
public final class Fleet {
  private Fleet() {}

  public static List<DeviceAttributes> of(SimulatorOptions options) {
    List<DeviceAttributes> out = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Integer> e : options.counts().entrySet()) {
      int count = e.getValue();
      int width = Math.max(3, String.valueOf(count).length());
      for (int n = 1; n <= count; n++, i++) {
        String id = options.idPrefix() + "-" + e.getKey() + "-" + pad(n, width);
        String zone =
            options.zones().isEmpty() ? "" : options.zones().get(i % options.zones().size());
        List<String> tags = new ArrayList<>();
        for (Map.Entry<String, Double> t : options.tags().entrySet()) {
          double f = t.getValue();
          if (Math.floor((i + 1) * f + 1e-9) > Math.floor(i * f + 1e-9)) {
            tags.add(t.getKey());
          }
        }
        out.add(new DeviceAttributes(e.getKey(), id, zone, options.fw(), tags, Map.of(), Map.of()));
      }
    }
    return out;
  }

  private static String pad(int n, int width) {
    String s = String.valueOf(n);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }
}
