package io.edgeconf.cli.demo;

/** Renders one progress bar line, e.g. {@code [########------------] 4/10 boards, 1 failed}. */
final class ProgressBar {
  private static final int WIDTH = 24;

  private ProgressBar() {}

  static String render(String title, int done, int failed, int total) {
    int filled = total == 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    String tail = failed == 0 ? "" : ", " + failed + " failed";
    return String.format("  %-22s [%s] %2d/%d boards%s", title, bar, done, total, tail);
  }
}
