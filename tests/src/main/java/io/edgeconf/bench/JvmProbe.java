package io.edgeconf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a child JVM's heap and threads from outside: {@code jcmd PID GC.heap_info} (used heap),
 * {@code jcmd PID Thread.print} (platform threads: lines starting with a quote), {@code ps} (RSS)
 * and its {@code -Xlog:gc} file (peak occupancy before a collection, live after). Stateless.
 */
final class JvmProbe {
  private static final Pattern HEAP_USED = Pattern.compile("total.*?used (\\d+)K");
  private static final Pattern GC_PAUSE =
      Pattern.compile("Pause.*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  /**
   * A heap and thread snapshot; -1 where unknown.
   *
   * @param usedMiB used heap now
   * @param threads platform threads
   * @param rssMiB resident set size
   */
  record Snapshot(double usedMiB, int threads, double rssMiB) {}

  /**
   * The GC log's extremes; -1 when no collection ran.
   *
   * @param peakBeforeMiB the most the heap held before a collection
   * @param maxAfterMiB the most it held after one (live data plus what survived)
   * @param collections how many pauses
   */
  record GcSummary(double peakBeforeMiB, double maxAfterMiB, int collections) {}

  private JvmProbe() {}

  /** The java executable of this JVM (its jcmd sits beside it). */
  static Path java() {
    return Path.of(ProcessHandle.current().info().command().orElse("java"));
  }

  static Snapshot snapshot(long pid) {
    String heap = run("jcmd", Long.toString(pid), "GC.heap_info");
    double used = -1;
    Matcher m = HEAP_USED.matcher(heap);
    while (m.find()) {
      used = Math.max(used, 0) + Long.parseLong(m.group(1)) / 1024.0;
    }
    String threads = run("jcmd", Long.toString(pid), "Thread.print");
    int count = (int) threads.lines().filter(l -> l.startsWith("\"")).count();
    double rss = -1;
    String ps = run("/bin/ps", "-o", "rss=", "-p", Long.toString(pid)).trim();
    if (ps.matches("\\d+")) {
      rss = Long.parseLong(ps) / 1024.0;
    }
    return new Snapshot(used, threads.isEmpty() ? -1 : count, rss);
  }

  static GcSummary gcLog(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new GcSummary(-1, -1, 0);
    }
    double before = -1;
    double after = -1;
    int n = 0;
    for (String l : lines) {
      Matcher m = GC_PAUSE.matcher(l);
      if (m.find()) {
        n++;
        before = Math.max(before, mib(m.group(1), m.group(2)));
        after = Math.max(after, mib(m.group(3), m.group(4)));
      }
    }
    return new GcSummary(before, after, n);
  }

  private static double mib(String v, String unit) {
    double x = Double.parseDouble(v);
    return switch (unit) {
      case "K" -> x / 1024;
      case "G" -> x * 1024;
      default -> x;
    };
  }

  private static String run(String tool, String... args) {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(tool.startsWith("/") ? tool : java().resolveSibling(tool).toString());
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      p.waitFor(30, TimeUnit.SECONDS);
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
