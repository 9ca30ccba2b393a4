package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.transport.coap.ProbeCoapBoards;
import io.edgeconf.bridge.transport.mqtt.ScriptedMqttBoard;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark probe: with 100 scripted boards per transport on loopback, measures push→ack latency
 * one push at a time (p50/p95) and pushes per second with all boards pushed at once. Run with
 * {@code java -cp <test classpath> io.edgeconf.bridge.transport.TransportLatencyProbe [boards]
 * [broker]}; needs a broker (default tcp://127.0.0.1:1883).
 */
public final class TransportLatencyProbe {
  private static final int IMAGE_BYTES = 300;
  private static final int ROUNDS = 5;

  private TransportLatencyProbe() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    String broker = args.length > 1 ? args[1] : "tcp://127.0.0.1:1883";
    System.out.println("boards per transport: " + n + ", image " + IMAGE_BYTES + " bytes");
    mqtt(n, broker);
    coap(n);
    System.exit(0);
  }

  private static void mqtt(int n, String broker) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String root = "probe-" + suffix + "/ec/d";
    ScheduledExecutorService scheduler = TestThreads.scheduler("probe-mqtt", 4);
    BoardTransport t =
        BoardTransports.mqtt(
            MqttSettings.builder(broker, "probe-gw-" + suffix).topicRoot(root).build(),
            scheduler,
            Clock.systemUTC());
    t.start();
    List<ScriptedMqttBoard> boards = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ScriptedMqttBoard b = new ScriptedMqttBoard(broker, root, "pm-" + i + "-" + suffix);
        b.healthAfterAck(false);
        b.announce();
        boards.add(b);
      }
      waitOnline(t, boards.stream().map(ScriptedBoard::id).toList());
      measure("mqtt", t, boards.stream().map(ScriptedBoard::id).toList());
    } finally {
      boards.forEach(ScriptedMqttBoard::close);
      t.close();
      scheduler.shutdownNow();
    }
  }

  private static void coap(int n) throws Exception {
    ScheduledExecutorService scheduler = TestThreads.scheduler("probe-coap", 4);
    BoardTransport t =
        BoardTransports.coap(
            CoapSettings.builder().bind("127.0.0.1", 0).build(), scheduler, Clock.systemUTC());
    t.start();
    try (ProbeCoapBoards boards = new ProbeCoapBoards(t, n)) {
      waitOnline(t, boards.ids());
      measure("coap", t, boards.ids());
    } finally {
      t.close();
      scheduler.shutdownNow();
    }
  }

  private static void waitOnline(BoardTransport t, List<String> ids) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!ids.stream().allMatch(id -> t.board(id).map(BoardInfo::online).orElse(false))) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("boards did not all come online");
      }
      Thread.sleep(100);
    }
  }

  private static void measure(String name, BoardTransport t, List<String> ids) throws Exception {
    List<Double> sequential = new ArrayList<>();
    long version = 1;
    for (String id : ids) {
      long t0 = System.nanoTime();
      PushResult r =
          t.push(id, TestImages.image(version, IMAGE_BYTES), Duration.ofSeconds(30))
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
      sequential.add((System.nanoTime() - t0) / 1e6);
      require(r);
    }
    List<Double> loaded = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    for (int round = 0; round < ROUNDS; round++) {
      version++;
      List<CompletableFuture<PushResult>> all = new ArrayList<>();
      for (String id : ids) {
        long t0 = System.nanoTime();
        all.add(
            t.push(id, TestImages.image(version, IMAGE_BYTES), Duration.ofSeconds(60))
                .toCompletableFuture()
                .whenComplete((r, e) -> loaded.add((System.nanoTime() - t0) / 1e6)));
      }
      for (CompletableFuture<PushResult> f : all) {
        require(f.get(120, TimeUnit.SECONDS));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%s: one at a time p50 %.1f ms, p95 %.1f ms; all %d boards at once: %.0f pushes/s"
            + " (p50 %.1f ms, p95 %.1f ms)%n",
        name,
        pct(sequential, 50),
        pct(sequential, 95),
        ids.size(),
        ids.size() * ROUNDS / seconds,
        pct(loaded, 50),
        pct(loaded, 95));
  }

  private static void require(PushResult r) {
    if (!r.applied()) {
      throw new IllegalStateException("push not applied: " + r);
    }
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
