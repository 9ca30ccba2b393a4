package io.edgeconf.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end benchmark (issues 7 and 9): for each fleet size, the time from the deploy command
 * (over the management API) to every board confirmed and to a threshold rollback's end, the JSON
 * baseline on the same broker and boards, and the agent's heap and threads (child JVM). Prints
 * progress on stderr and the tables on stdout. Run with {@code scripts/bench e2e [options]}; see
 * {@link HarnessOptions#USAGE}.
 */
public final class RolloutHarness {
  private RolloutHarness() {}

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.println(HarnessOptions.USAGE);
      return;
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    HarnessOptions options;
    try {
      options = HarnessOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<FleetResult> results = run(options, System.err);
    ResultTable.print(results, System.out);
    System.exit(0);
  }

  /** Runs every fleet size and returns the results (the smoke test calls this). */
  public static List<FleetResult> run(HarnessOptions options, PrintStream log) throws Exception {
    Path work =
        options.workDir().isPresent()
            ? Files.createDirectories(options.workDir().get())
            : Files.createTempDirectory("edgeconf-bench-");
    log.printf(
        "harness: boards %s, broker %s, agent %s, health window %s, crash %s on %d%%, work %s%n",
        options.boards(),
        options.broker(),
        options.childAgent() ? "child JVM -Xmx" + options.heap() : "in-process",
        options.healthWindow(),
        options.crashAfter(),
        options.crashPercent(),
        work);
    List<FleetResult> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    var fleet = new FleetRun(options, log);
    for (int n : options.boards()) {
      try {
        results.add(fleet.run(n, work));
      } catch (Exception e) {
        // Report what was measured for the other sizes rather than nothing.
        log.printf("[n=%d] FAILED: %s%n", n, e);
        failures.add(n + " boards: " + e.getMessage());
      }
    }
    if (results.isEmpty() && !failures.isEmpty()) {
      throw new IllegalStateException("every fleet size failed: " + failures);
    }
    return results;
  }
}
