package io.edgeconf.agent.waves;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.BoardTransports;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.sim.BoardSnapshot;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine against the real broker on 127.0.0.1:1883, the real MQTT transport and the simulator's
 * ESP32-family boards, with shortened health windows.
 */
class WavesMqttIT {
  private static final String BROKER = "tcp://127.0.0.1:1883";
  private static final Duration LONG = Duration.ofSeconds(60);

  private final String prefix = "wv" + UUID.randomUUID().toString().substring(0, 6);
  private ScheduledExecutorService scheduler;
  private BoardTransport transport;
  private Simulator sim;
  private RolloutEngine engine;
  private final InMemoryRolloutJournal journal = new InMemoryRolloutJournal();

  @BeforeEach
  void start() {
    AtomicInteger n = new AtomicInteger();
    scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "waves-it-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    transport =
        BoardTransports.mqtt(
            MqttSettings.builder(BROKER, "gw-" + prefix).build(), scheduler, Clock.systemUTC());
    transport.start();
    sim =
        Simulator.start(
            SimulatorOptions.builder()
                .broker(BROKER)
                .boards("esp32", 4)
                .boards("esp32s3", 1)
                .boards("esp32c3", 1)
                .idPrefix(prefix)
                .healthInterval(Duration.ofMillis(250))
                .rebootDelay(Duration.ofMillis(300))
                .clearRetainedOnClose(true)
                .build());
    await()
        .atMost(LONG)
        .until(
            () ->
                sim.ids().stream()
                    .allMatch(id -> transport.board(id).map(BoardInfo::online).orElse(false)));
    EngineSettings settings =
        EngineSettings.defaults()
            .withHealthWindow(Duration.ofMillis(1500))
            .withTimeouts(
                Duration.ofSeconds(5),
                Duration.ofSeconds(3),
                Duration.ofSeconds(4),
                Duration.ofSeconds(2));
    engine =
        new RolloutEngine(
            transport,
            Optional.empty(),
            journal,
            RolloutObserver.none(),
            settings,
            scheduler,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    if (sim != null) {
      sim.close();
    }
    if (transport != null) {
      transport.close();
    }
    scheduler.shutdownNow();
  }

  private RolloutPlan plan(
      String id, long version, Optional<Long> previous, ModuleMetadata.Rollout rollout) {
    List<DevicePlan> devices = new ArrayList<>();
    int i = 0;
    for (String deviceId : sim.ids()) {
      i++;
      String board = transport.board(deviceId).orElseThrow().board().name();
      int n = i;
      devices.add(
          new DevicePlan(
              deviceId,
              board,
              Transport.MQTT,
              Fixture.image(version, n),
              previous.map(p -> Fixture.image(p, n)),
              true));
    }
    return new RolloutPlan(
        id,
        "greenhouse",
        RolloutKind.DEPLOY,
        new ModuleRef(version, Long.toString(version).repeat(64).substring(0, 64)),
        previous.map(p -> new ModuleRef(p, Long.toString(p).repeat(64).substring(0, 64))),
        rollout,
        devices);
  }

  private RolloutResult run(RolloutPlan plan) {
    CompletableFuture<RolloutResult> f = engine.start(plan).toCompletableFuture();
    await().atMost(LONG).until(f::isDone);
    return f.join();
  }

  private void assertRunning(RolloutPlan plan, RolloutResult result) {
    for (DevicePlan d : plan.devices()) {
      byte[] expected = d.image(result.imageOf(d.deviceId())).orElseThrow();
      long crc = ImageCodec.crcOf(expected);
      await()
          .atMost(LONG)
          .until(() -> sim.board(d.deviceId()).map(BoardSnapshot::crc).orElse(-1L) == crc);
    }
  }

  private void firstDeploy() {
    RolloutPlan v7 =
        plan("it-v7-" + prefix, 7, Optional.empty(), new ModuleMetadata.Rollout(50, 5, 1500, 0));
    RolloutResult r = run(v7);
    assertEquals(Outcome.SUCCEEDED, r.outcome(), r.toString());
    assertRunning(v7, r);
  }

  @Test
  void aHappyRolloutConfirmsEveryBoard() {
    firstDeploy();
    RolloutPlan v8 =
        plan("it-v8-" + prefix, 8, Optional.of(7L), new ModuleMetadata.Rollout(10, 5, 1500, 2));
    RolloutResult result = run(v8);
    assertEquals(Outcome.SUCCEEDED, result.outcome(), result.toString());
    assertEquals(6, result.devicesIn(DeviceState.SETTLED).size(), result.toString());
    assertRunning(v8, result);
  }

  @Test
  void crashesAfterApplyTripTheThresholdAndRollEveryBoardBack() {
    firstDeploy();
    RolloutPlan v8 =
        plan("it-v8-" + prefix, 8, Optional.of(7L), new ModuleMetadata.Rollout(10, 5, 1500, 0));
    List<String> canary = WavePlanner.waves(v8).get(0);
    List<String> crashing = sim.ids().stream().filter(id -> !canary.contains(id)).limit(2).toList();
    crashing.forEach(id -> sim.setFault(id, "crash-after-apply=300ms"));

    RolloutResult result = run(v8);

    assertEquals(Outcome.ROLLED_BACK, result.outcome(), result.toString());
    // The first crash already trips 5%: the other crashing board may be rolled back before it
    // fails.
    assertTrue(
        crashing.stream().anyMatch(id -> result.devices().get(id).state() == DeviceState.FAILED),
        result.toString());
    assertTrue(result.causes().get(0).contains("max_failures"), result.causes().toString());
    for (String id : canary) {
      assertEquals(DeviceState.ROLLED_BACK, result.devices().get(id).state(), result.toString());
    }
    result.devices().values().forEach(d -> assertEquals(ImageRole.PREVIOUS, d.image()));
    assertRunning(v8, result);
  }
}
