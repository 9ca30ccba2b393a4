package io.edgeconf.bench;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions of the greenhouse example made by small text edits: another version number, a shorter
 * {@code health_window} (for measurement) and a different high-temperature alarm (so every board's
 * image changes). Stateless.
 */
final class GreenhouseVariants {
  private static final Pattern HEADER = Pattern.compile("(?m)^policy\\s+(\\w+)\\s+version\\s+\\d+");
  private static final Pattern WINDOW = Pattern.compile("(?m)^(\\s*health_window\\s+)\\S+");
  private static final Pattern TEMP_HIGH =
      Pattern.compile("(?m)^(field\\s+temp_high_c\\s*:.*=\\s*)-?\\d+");

  private GreenhouseVariants() {}

  /** The example as {@code version}, with this health window and high alarm. */
  static String variant(String source, long version, Duration window, int tempHighC) {
    long ms = window.toMillis();
    String s = replace(HEADER, source, "policy $1 version " + version);
    s = replace(WINDOW, s, "$1" + (ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms"));
    return replace(TEMP_HIGH, s, "$1" + tempHighC);
  }

  private static String replace(Pattern p, String source, String replacement) {
    Matcher m = p.matcher(source);
    if (!m.find()) {
      throw new IllegalStateException("greenhouse.policy has no match for " + p);
    }
    return m.replaceFirst(replacement);
  }
}
