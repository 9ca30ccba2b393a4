package io.edgeconf.cli.demo;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two greenhouse versions the demo deploys, made from the shipped example by small text edits:
 * the rollout block's {@code health_window} shortened so the demo fits in a minute, and for the
 * second version a new version number and a lower high-temperature alarm. Stateless.
 */
final class PolicyVariants {
  private static final Pattern HEADER = Pattern.compile("(?m)^policy\\s+(\\w+)\\s+version\\s+\\d+");
  private static final Pattern WINDOW = Pattern.compile("(?m)^(\\s*health_window\\s+)\\S+");
  private static final Pattern TEMP_HIGH =
      Pattern.compile("(?m)^(field\\s+temp_high_c\\s*:.*=\\s*)-?\\d+");

  private PolicyVariants() {}

  /** The example with its health window replaced. */
  static String withHealthWindow(String source, Duration window) {
    long ms = window.toMillis();
    String text = ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    return replace(WINDOW, source, "$1" + text, "health_window");
  }

  /** The example as a new version with the high alarm at {@code tempHighC}. */
  static String nextVersion(String source, long version, int tempHighC) {
    String s = replace(HEADER, source, "policy $1 version " + version, "the policy header");
    return replace(TEMP_HIGH, s, "$1" + tempHighC, "field temp_high_c");
  }

  private static String replace(Pattern p, String source, String replacement, String what) {
    Matcher m = p.matcher(source);
    if (!m.find()) {
      throw new IllegalStateException("the greenhouse example has no " + what + " to adjust");
    }
    return m.replaceFirst(replacement);
  }
}
