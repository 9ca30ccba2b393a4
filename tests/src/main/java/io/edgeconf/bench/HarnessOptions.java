package io.edgeconf.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The end-to-end harness's options. Immutable.
 *
 * @param boards fleet sizes
 * @param nrfPercent the share of nRF52840 (CoAP) boards in each fleet, the rest ESP32 (MQTT)
 * @param ramp boards started at a time (each step once the agent knows the previous ones)
 * @param broker the MQTT broker URL, or {@code embedded} for the agent's embedded broker
 * @param childAgent run the agent as a child JVM (else in this JVM)
 * @param heap the child's {@code -Xmx}
 * @param repeats rollout + rollback pairs per fleet size
 * @param healthWindow the policy's {@code health_window} for measurement
 * @param healthInterval the boards' health report interval
 * @param crashAfter the {@code crash-after-apply} delay of the faulty boards
 * @param crashPercent the share of boards that crash on the faulty version
 * @param baseline run the JSON baseline
 * @param workDir where state and logs go; empty: a temporary directory
 * @param timeout longest one rollout may take
 */
record HarnessOptions(
    List<Integer> boards,
    int nrfPercent,
    int ramp,
    String broker,
    boolean childAgent,
    String heap,
    int repeats,
    Duration healthWindow,
    Duration healthInterval,
    Duration crashAfter,
    int crashPercent,
    boolean baseline,
    Optional<Path> workDir,
    Duration timeout) {
  static final String USAGE =
      """
      usage: scripts/bench e2e [--boards 10,100,1000] [--nrf-percent 50] [--ramp 100]
             [--broker URL|embedded]
             [--agent child|in-process] [--heap 64m] [--repeats N] [--health-window 1s]
             [--health-interval 1s] [--crash-after 600ms] [--crash-percent 10] [--no-baseline]
             [--work DIR] [--timeout 300s]""";

  HarnessOptions {
    boards = List.copyOf(boards);
    if (boards.isEmpty() || boards.stream().anyMatch(n -> n < 2)) {
      throw new IllegalArgumentException("--boards needs sizes of at least 2: " + boards);
    }
    if (nrfPercent < 0 || nrfPercent > 100) {
      throw new IllegalArgumentException("--nrf-percent must be 0..100");
    }
    if (ramp < 1) {
      throw new IllegalArgumentException("--ramp must be at least 1");
    }
    if (repeats < 1 || crashPercent < 1 || crashPercent > 100) {
      throw new IllegalArgumentException("--repeats >= 1 and --crash-percent in 1..100");
    }
  }

  static HarnessOptions parse(String[] args) {
    List<Integer> boards = List.of(10, 100, 1000);
    int nrf = 50;
    int ramp = 100;
    String broker = "tcp://127.0.0.1:1883";
    boolean child = true;
    String heap = "64m";
    int repeats = 1;
    Duration window = Duration.ofSeconds(1);
    Duration interval = Duration.ofSeconds(1);
    Duration crash = Duration.ofMillis(600);
    int percent = 10;
    boolean baseline = true;
    Path work = null;
    Duration timeout = Duration.ofSeconds(300);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--no-baseline")) {
        baseline = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
      }
      String v = args[++i];
      switch (a) {
        case "--boards" -> {
          List<Integer> l = new ArrayList<>();
          for (String s : v.split(",")) {
            l.add(Integer.parseInt(s.trim()));
          }
          boards = l;
        }
        case "--nrf-percent" -> nrf = Integer.parseInt(v);
        case "--ramp" -> ramp = Integer.parseInt(v);
        case "--broker" -> broker = v;
        case "--agent" -> child = v.equals("child");
        case "--heap" -> heap = v;
        case "--repeats" -> repeats = Integer.parseInt(v);
        case "--health-window" -> window = duration(v);
        case "--health-interval" -> interval = duration(v);
        case "--crash-after" -> crash = duration(v);
        case "--crash-percent" -> percent = Integer.parseInt(v);
        case "--work" -> work = Path.of(v);
        case "--timeout" -> timeout = duration(v);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    return new HarnessOptions(
        boards,
        nrf,
        ramp,
        broker,
        child,
        heap,
        repeats,
        window,
        interval,
        crash,
        percent,
        baseline,
        Optional.ofNullable(work),
        timeout);
  }

  /** {@code 600ms}, {@code 2s}, {@code 1m}. */
  static Duration duration(String v) {
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    long n = Long.parseLong(v.substring(0, v.length() - 1));
    return switch (v.charAt(v.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      default -> throw new IllegalArgumentException("bad duration '" + v + "' (600ms, 2s, 1m)");
    };
  }

  /** How many of {@code n} boards are nRF52840s. */
  int nrfBoards(int n) {
    return (int) Math.round(n * nrfPercent / 100.0);
  }

  boolean embeddedBroker() {
    return broker.equals("embedded");
  }
}
