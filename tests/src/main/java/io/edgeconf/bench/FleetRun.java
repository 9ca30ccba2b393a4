package io.edgeconf.bench;

import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.policy.PolicyFrontEnd;
import io.edgeconf.sim.BoardSnapshot;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One fleet size: an agent (child JVM or in-process) with a gateway id and device topic root unique
 * to the run, simulated boards in this JVM (half ESP32 over MQTT, half nRF52840 over CoAP to the
 * agent's ephemeral CoAP port), then per repeat: a good greenhouse version rolled out, the JSON
 * baseline on the same ESP32 boards, and a next version that crashes a share of the boards and is
 * rolled back by the threshold. Not thread-safe.
 */
final class FleetRun {
  private static final int TEMP_HIGH_GOOD = 35;

  private final HarnessOptions o;
  private final PrintStream log;

  FleetRun(HarnessOptions options, PrintStream log) {
    this.o = options;
    this.log = log;
  }

  FleetResult run(int n, Path work) throws Exception {
    String run = randomId();
    Path dir = Files.createDirectories(work.resolve("n" + n + "-" + run));
    Path trust = Files.createDirectories(dir.resolve("trust"));
    KeyPair key = Ed25519Keys.generate();
    Ed25519Keys.writePublicKey(trust.resolve("bench.pub"), key.getPublic());
    var spec =
        new AgentSpec(
            "bench-" + run,
            o.broker().equals("embedded") ? "tcp://127.0.0.1:1883" : o.broker(),
            o.embeddedBroker() ? OptionalInt.of(freeTcpPort()) : OptionalInt.empty(),
            dir.resolve("state"),
            trust,
            freeUdpPort(),
            "bench/" + run + "/d");
    log.printf("[n=%d] agent %s, gateway %s, work %s%n", n, spec.gateway(), spec.gateway(), dir);
    List<RolloutTiming> rollouts = new ArrayList<>();
    List<RolloutTiming> rollbacks = new ArrayList<>();
    List<JsonBaseline.Result> baselines = new ArrayList<>();
    Optional<JvmProbe.Snapshot> idle;
    Optional<JvmProbe.Snapshot> afterRollout = Optional.empty();
    Optional<JvmProbe.Snapshot> afterRollback = Optional.empty();
    try (AgentHandle agent = startAgent(spec, dir);
        MgmtClient mgmt = connect(spec.effectiveBroker(), spec.gateway());
        SimFleet sim = new SimFleet()) {
      startBoards(sim, mgmt, spec, n, "b" + run);
      idle = probe(agent);
      var timer = new RolloutTimer(mgmt, id -> id.contains("-esp32-"));
      String example = Examples.policy("greenhouse");
      for (int k = 0; k < o.repeats(); k++) {
        long good = 7 + 2L * k;
        sim.clearFaults();
        String goodSource =
            GreenhouseVariants.variant(example, good, o.healthWindow(), TEMP_HIGH_GOOD);
        var t = timer.deploy("rollout", BenchKeys.signedModule(goodSource, key), n, timeoutMs());
        log.printf("[n=%d] rollout %d: %s%n", n, k + 1, t);
        rollouts.add(t);
        afterRollout = probe(agent);
        if (o.baseline()) {
          var b = baseline(sim, spec.topicRoot() + "-json", goodSource, good);
          log.printf("[n=%d] JSON baseline %d: %s%n", n, k + 1, b);
          baselines.add(b);
        }
        sim.setFaults(
            "crash-after-apply=" + o.crashAfter().toMillis() + "ms@" + o.crashPercent() + "%");
        String bad =
            GreenhouseVariants.variant(example, good + 1, o.healthWindow(), TEMP_HIGH_GOOD - 3);
        var r = timer.deploy("rollback", BenchKeys.signedModule(bad, key), n, timeoutMs());
        log.printf("[n=%d] rollback %d: %s%n", n, k + 1, r);
        rollbacks.add(r);
        afterRollback = probe(agent);
      }
    } finally {
      if (!o.embeddedBroker()) {
        RetainedCleaner.clear(spec.brokerUrl(), "ec/gw/" + spec.gateway() + "/#");
      }
    }
    Optional<JvmProbe.GcSummary> gc =
        o.childAgent()
            ? Optional.of(JvmProbe.gcLog(dir.resolve(ChildAgent.GC_LOG)))
            : Optional.empty();
    return new FleetResult(
        n,
        o.nrfBoards(n),
        o.childAgent() ? "child JVM -Xmx" + o.heap() : "in-process",
        rollouts,
        rollbacks,
        baselines,
        idle,
        afterRollout,
        afterRollback,
        gc);
  }

  private long timeoutMs() {
    return o.timeout().toMillis();
  }

  private AgentHandle startAgent(AgentSpec spec, Path dir) throws IOException {
    return o.childAgent() ? ChildAgent.start(spec, o.heap(), dir) : InProcessAgent.start(spec);
  }

  private static MgmtClient connect(String broker, String gateway) throws Exception {
    long end = System.currentTimeMillis() + 60_000;
    while (true) {
      try {
        var c = MgmtClient.connect(broker, gateway);
        if (!c.awaitOnline(60_000)) {
          c.close();
          throw new IllegalStateException("agent " + gateway + " did not come online in 60 s");
        }
        return c;
      } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
        // An embedded broker in a child agent may not listen yet.
        if (System.currentTimeMillis() > end) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  /** Starts the boards in steps of {@code --ramp}, each step once the agent knows the last. */
  private void startBoards(SimFleet fleet, MgmtClient mgmt, AgentSpec spec, int n, String prefix)
      throws Exception {
    long t0 = System.nanoTime();
    int nrfLeft = o.nrfBoards(n);
    int started = 0;
    for (int step = 0; started < n; step++) {
      int size = Math.min(o.ramp(), n - started);
      int nrf = (int) Math.round((double) nrfLeft * size / (n - started));
      fleet.add(startStep(spec, size, nrf, prefix + (n > o.ramp() ? step : "")));
      nrfLeft -= nrf;
      started += size;
      awaitKnown(mgmt, started);
    }
    log.printf(
        "[n=%d] %d boards online and known to the agent in %.0f ms%n",
        n, n, (System.nanoTime() - t0) / 1e6);
  }

  private Simulator startStep(AgentSpec spec, int n, int nrf, String prefix) {
    var options =
        SimulatorOptions.builder()
            .broker(spec.effectiveBroker())
            .gatewayCoap("127.0.0.1:" + spec.coapPort());
    if (n - nrf > 0) {
      options.boards("esp32", n - nrf);
    }
    if (nrf > 0) {
      options.boards("nrf52840", nrf);
    }
    options
        .idPrefix(prefix)
        .policy("greenhouse")
        .zones(List.of("north", "south", "east"))
        .tags(java.util.Map.of("heater", 0.25))
        .healthInterval(o.healthInterval())
        .rebootDelay(Duration.ofMillis(100))
        .startTimeout(Duration.ofSeconds(180))
        .clearRetainedOnClose(true)
        .deviceTopicRoot(spec.topicRoot());
    return Simulator.start(options.build());
  }

  private void awaitKnown(MgmtClient mgmt, int n) throws Exception {
    long end = System.currentTimeMillis() + 60_000;
    int online = 0;
    while (System.currentTimeMillis() < end) {
      var r = mgmt.request("status", "{}".getBytes(StandardCharsets.UTF_8), 10_000);
      online = r == null ? 0 : r.json().path("devices").path("online").asInt();
      if (online >= n) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the agent sees "
            + online
            + " of "
            + n
            + " boards online after 60 s (hellos lost? see BENCHMARKS.md, start with a smaller"
            + " --ramp)");
  }

  private Optional<JvmProbe.Snapshot> probe(AgentHandle agent) {
    return agent.pid().stream().mapToObj(JvmProbe::snapshot).findFirst();
  }

  private JsonBaseline.Result baseline(SimFleet sim, String root, String source, long version)
      throws Exception {
    var front =
        PolicyFrontEnd.compile("greenhouse.policy", source.getBytes(StandardCharsets.UTF_8));
    var boards =
        sim.boards().stream()
            .map(BoardSnapshot::attributes)
            .filter(a -> a.board().equals("esp32"))
            .toList();
    return JsonBaseline.run(
        sim.brokerUrl(),
        root,
        boards,
        front.policy().orElseThrow(),
        front.metadata().orElseThrow().policySchema(),
        version);
  }

  private static String randomId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    var sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static int freeUdpPort() throws IOException {
    try (var s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static int freeTcpPort() throws IOException {
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
