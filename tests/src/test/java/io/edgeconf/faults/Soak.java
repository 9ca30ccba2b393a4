package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.testing.MqttRequester;
import io.edgeconf.agent.testing.PrivateBroker;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.faults.StoreReader.DeviceStep;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a soak: an agent in a child JVM on a private Mosquitto, simulated ESP32 and nRF52840 boards,
 * a baseline deploy, then the deploys of a {@link SoakPlan} with their faults and agent kills.
 * After each deploy has its outcome and every board is done with it, the boards must run what the
 * {@link FleetModel} says, the store must agree, and the active module must be the right one. Every
 * limit is generous: the machine is shared, and nothing here asserts how long anything took.
 */
final class Soak implements AutoCloseable {
  static final long BASELINE_VERSION = 10;
  private static final Duration OUTCOME = Duration.ofMinutes(15);

  private final SoakSize size;
  private final long seed;
  private final PrivateBroker broker;
  private final RolloutRig rig;
  private final AgentProcess agent;
  private final StoreReader store;
  private final OneImageFaults faults;
  private final FleetModel model;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<StepResult> results = new ArrayList<>();
  private final Path summary;
  private final SoakChecks checks;

  Soak(Path dir, SoakSize size, long seed) throws Exception {
    this.size = size;
    this.seed = seed;
    broker = PrivateBroker.start(dir.resolve("broker"));
    rig = RolloutRig.prepare(dir, broker.url());
    var config =
        rig.config()
            .pushTimeout(Duration.ofSeconds(6))
            .firstHealthTimeout(Duration.ofSeconds(4))
            .revertTimeout(Duration.ofSeconds(6))
            .build();
    agent = new AgentProcess(config, Path.of("target", "soak", rig.gateway + ".log"));
    summary = Path.of("target", "soak", rig.gateway + "-summary.txt");
    agent.start();
    rig.client = new MqttRequester(broker.url(), rig.gateway);
    rig.sim = Simulator.start(simulator());
    faults = new OneImageFaults(rig.sim);
    rig.sim.addListener(faults);
    store = new StoreReader(config.stateDir());
    model = new FleetModel(rig.sim.ids());
    checks = new SoakChecks(rig, store, model, faults, seed);
  }

  private SimulatorOptions simulator() {
    return SimulatorOptions.builder()
        .broker(broker.url())
        .gatewayCoap("127.0.0.1:" + rig.coapPort)
        .idPrefix(rig.gateway)
        .zones(List.of("north", "south"))
        .boards("esp32", size.esp32())
        .boards("nrf52840", size.nrf())
        .healthInterval(Duration.ofMillis(size.healthIntervalMillis()))
        // A restarted agent knows a CoAP board again only from its next registration.
        .registrationLifetime(Duration.ofSeconds(10))
        .startTimeout(Duration.ofMinutes(3))
        .build();
  }

  /** The baseline deploy, then every planned one; fails at the first inconsistency. */
  List<StepResult> run() throws Exception {
    long started = System.nanoTime();
    awaitDevices();
    List<DeployStep> plan = SoakPlan.generate(seed, size, rig.sim.ids(), BASELINE_VERSION + 1);
    print(
        String.format(
            "soak %s, seed %d (-Dsoak.seed=%d to run it again), agent log %s%n",
            size.name(), seed, seed, agent.log()));
    var baseline =
        new DeployStep(0, BASELINE_VERSION, new RolloutBlock(50, 100, 0, 1), List.of(), List.of());
    step(baseline);
    for (DeployStep s : plan) {
      step(s);
    }
    checks.finalChecks(results);
    print(SoakReport.totals(seed, size, results, (System.nanoTime() - started) / 1e9));
    return results;
  }

  /** Prints to the test's output and to {@code target/soak/GATEWAY-summary.txt} as it goes. */
  private void print(String text) throws IOException {
    System.out.print(text);
    System.out.flush();
    Files.writeString(summary, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private void awaitDevices() {
    int n = size.boards();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> store.desired().size() >= n && online() >= n);
  }

  private long online() throws Exception {
    long n = 0;
    for (JsonNode e : rig.command("devices", "{}").path("devices")) {
      n += e.path("online").asBoolean() ? 1 : 0;
    }
    return n;
  }

  private void step(DeployStep s) throws Exception {
    long t0 = System.nanoTime();
    rig.client.events.clear();
    for (BoardFault f : s.faults()) {
      if (f.isPowerOff()) {
        rig.sim.powerOff(f.deviceId());
      } else {
        faults.arm(f.deviceId(), f.spec(), s.version());
      }
    }
    String rollout = rig.deploy(s.version(), s.block().text()).path("rollout").asText();
    List<ScheduledFuture<?>> powerOns = new ArrayList<>();
    for (BoardFault f : s.faults()) {
      f.powerOnAfter()
          .ifPresent(
              d ->
                  powerOns.add(
                      timer.schedule(
                          () -> rig.sim.powerOn(f.deviceId()),
                          d.toMillis(),
                          TimeUnit.MILLISECONDS)));
    }
    List<String> kills = new ArrayList<>();
    for (KillPlan k : s.kills()) {
      kills.add(kill(k, rollout));
    }
    await()
        .atMost(OUTCOME)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> !store.outcome(rollout).orElse("running").equals("running"));
    for (var p : powerOns) {
      p.get(1, TimeUnit.MINUTES);
    }
    checks.awaitQuiet(rollout);
    String outcome = store.outcome(rollout).orElseThrow();
    Map<String, DeviceStep> devices = store.devices(rollout);
    List<String> wrong = new ArrayList<>(model.apply(s.version(), outcome, devices));
    wrong.addAll(checks.boardsAgainstModel());
    long active = checks.activeVersion();
    if (active != model.activeVersion()) {
      wrong.add("active version " + active + ", expected " + model.activeVersion());
    }
    List<String> unexpected = new ArrayList<>();
    wrong.addAll(checks.attribution(s, outcome, devices, unexpected));
    List<String> fired =
        s.faults().stream().map(BoardFault::deviceId).filter(faults::fired).toList();
    faults.reset();
    var result =
        new StepResult(
            s,
            rollout,
            outcome,
            kills,
            StoreReader.causes(devices),
            unexpected,
            fired,
            (System.nanoTime() - t0) / 1e9);
    results.add(result);
    print(SoakReport.line(result));
    if (!wrong.isEmpty()) {
      throw new AssertionError(
          "seed "
              + seed
              + ", deploy #"
              + s.index()
              + " ("
              + rollout
              + "):\n"
              + String.join("\n", wrong));
    }
  }

  /** Waits for a kill's moment, SIGKILLs the agent and starts it again; says what happened. */
  private String kill(KillPlan k, String rollout) throws Exception {
    if (k.onEvent()) {
      await()
          .atMost(OUTCOME)
          .pollInterval(Duration.ofMillis(20))
          .ignoreExceptions()
          .until(() -> count(rollout, k.event()) >= k.n() || completed(rollout));
    } else {
      Thread.sleep(k.delayMillis());
    }
    String state = store.outcome(rollout).orElse("?");
    long seen = k.onEvent() ? count(rollout, k.event()) : 0;
    agent.kill();
    Thread.sleep(k.downMillis());
    long t = System.nanoTime();
    agent.start();
    return String.format(
        "%s: killed with the rollout %s%s, started again in %.1fs",
        k, state, k.onEvent() ? " (" + seen + " seen)" : "", (System.nanoTime() - t) / 1e9);
  }

  private long count(String rollout, String event) {
    return rig.client.events.stream()
        .filter(e -> e.path("event").asText().equals(event))
        .filter(e -> e.path("rollout").asText().equals(rollout))
        .count();
  }

  private boolean completed(String rollout) throws Exception {
    return count(rollout, "rollout_completed") > 0
        || !store.outcome(rollout).orElse("running").equals("running");
  }

  @Override
  public void close() throws Exception {
    timer.shutdownNow();
    try {
      rig.close();
    } finally {
      agent.close();
      broker.close();
    }
  }
}
