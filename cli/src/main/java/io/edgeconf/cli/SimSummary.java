package io.edgeconf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.sim.BoardSnapshot;
import io.edgeconf.sim.SimEvent;
import io.edgeconf.sim.SimEventListener;
import io.edgeconf.sim.Simulator;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code edgeconf sim} prints: with {@code --json} one JSON object per event and line; else a
 * one-line summary every second (boards online, versions running, faults, event counts), redrawn in
 * place on a terminal and printed when it changes otherwise. Thread-safe.
 */
final class SimSummary implements SimEventListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final boolean json;
  private final Map<SimEvent.Kind, AtomicLong> counts = new EnumMap<>(SimEvent.Kind.class);
  private ScheduledExecutorService ticker;
  private String lastLine = "";

  SimSummary(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
    for (SimEvent.Kind k : SimEvent.Kind.values()) {
      counts.put(k, new AtomicLong());
    }
  }

  @Override
  public void onEvent(SimEvent e) {
    counts.get(e.kind()).incrementAndGet();
    if (!json) {
      return;
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("time", e.time().toString());
    node.put("id", e.deviceId());
    node.put("event", e.kind().name().toLowerCase(java.util.Locale.ROOT));
    node.put("version", e.version());
    node.put("crc", Crc32c.hex(e.crc()));
    if (!e.detail().isEmpty()) {
      node.put("detail", e.detail());
    }
    synchronized (out) {
      out.println(node);
      out.flush();
    }
  }

  /** Starts the once-a-second summary (not with {@code --json}). */
  void run(Simulator sim, boolean terminal) {
    if (json) {
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-summary");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(() -> print(sim, terminal), 0, 1, TimeUnit.SECONDS);
  }

  void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (!json) {
      synchronized (out) {
        out.println();
        out.flush();
      }
    }
  }

  private void print(Simulator sim, boolean terminal) {
    String line = line(sim.boards());
    synchronized (out) {
      if (terminal) {
        out.print("\r" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line + "\033[K");
        out.flush();
      } else if (!line.equals(lastLine)) {
        out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line);
        out.flush();
      }
      lastLine = line;
    }
  }

  String line(List<BoardSnapshot> boards) {
    long online = boards.stream().filter(BoardSnapshot::online).count();
    Map<String, Integer> versions = new TreeMap<>();
    int faulty = 0;
    for (BoardSnapshot b : boards) {
      versions.merge(b.version() == 0 ? "none" : "v" + b.version(), 1, Integer::sum);
      if (!b.faults().isEmpty()) {
        faulty++;
      }
    }
    StringBuilder running = new StringBuilder();
    versions.forEach(
        (v, n) -> running.append(running.isEmpty() ? "" : " ").append(v).append('×').append(n));
    return String.format(
        "boards %d  online %d  running %s  faults on %d  applied %d  rejected %d  reverted %d",
        boards.size(),
        online,
        running,
        faulty,
        counts.get(SimEvent.Kind.APPLIED).get(),
        counts.get(SimEvent.Kind.REJECTED).get(),
        counts.get(SimEvent.Kind.REVERTED).get());
  }
}
