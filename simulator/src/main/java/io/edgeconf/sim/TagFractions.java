package io.edgeconf.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code --tags t:FRACTION,...}: each tag and the share of boards that carry it, a fraction
 * between 0 and 1 ({@code heater:0.25}) or a percentage ({@code heater:25%}). Stateless.
 */
public final class TagFractions {
  private TagFractions() {}

  /**
   * @throws IllegalArgumentException naming the item that is wrong
   */
  public static Map<String, Double> parse(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String item : text.split(",")) {
      int colon = item.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("tag '" + item + "' is not TAG:FRACTION");
      }
      String tag = item.substring(0, colon).trim();
      String value = item.substring(colon + 1).trim();
      double fraction;
      try {
        fraction =
            value.endsWith("%")
                ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                : Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("tag '" + item + "': '" + value + "' is not a fraction");
      }
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("tag '" + item + "': fraction must be 0 to 1");
      }
      out.put(tag, fraction);
    }
    return out;
  }
}
