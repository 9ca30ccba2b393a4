package io.edgeconf.policy.model;

import java.util.regex.Pattern;

/**
 * A firmware version {@code MAJOR.MINOR.PATCH}, ordered component by component. A device whose
 * firmware version is unknown ({@code fw} empty) counts as {@code 0.0.0}.
 *
 * @param major the major version, 0..999 999 999
 * @param minor the minor version, 0..999 999 999
 * @param patch the patch version, 0..999 999 999
 */
public record FwVersion(long major, long minor, long patch) implements Comparable<FwVersion> {
  /** What an unknown version counts as. */
  public static final FwVersion UNKNOWN = new FwVersion(0, 0, 0);

  private static final long LIMIT = 999_999_999L;
  private static final Pattern FORM = Pattern.compile("\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}");

  public FwVersion {
    if (major < 0 || minor < 0 || patch < 0 || major > LIMIT || minor > LIMIT || patch > LIMIT) {
      throw new IllegalArgumentException(
          "version " + major + "." + minor + "." + patch + " has a component outside 0..999999999");
    }
  }

  /** Whether the text is a version literal {@code MAJOR.MINOR.PATCH} (1 to 9 digits each). */
  public static boolean isVersion(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  /**
   * Parses {@code MAJOR.MINOR.PATCH}; the empty string is {@link #UNKNOWN}.
   *
   * @throws IllegalArgumentException when the text is neither
   */
  public static FwVersion parse(String text) {
    if (text == null || text.isEmpty()) {
      return UNKNOWN;
    }
    if (!isVersion(text)) {
      throw new IllegalArgumentException("'" + text + "' is not MAJOR.MINOR.PATCH");
    }
    String[] p = text.split("\\.");
    return new FwVersion(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
  }

  @Override
  public int compareTo(FwVersion o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    return c != 0 ? c : Long.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
