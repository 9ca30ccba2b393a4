package io.edgeconf.agent.waves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.hardware.GatewayHardware;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fleet, a plan over it, a journal and engines, all on manual time. */
final class Fixture {
  static final String OLD_SHA = "a".repeat(64);
  static final String NEW_SHA = "b".repeat(64);
  static final long POLICY_ID = 0x1234_5678L;
  static final long SCHEMA = 0x0bad_cafeL;

  final ManualTime time = new ManualTime();
  final FakeFleet fleet = new FakeFleet(time);
  final InMemoryRolloutJournal journal = new InMemoryRolloutJournal();
  RolloutJournal journalPort = journal;
  final List<RolloutEvent> events = new CopyOnWriteArrayList<>();
  final List<RolloutProgress> progress = new CopyOnWriteArrayList<>();
  final List<DevicePlan> devices = new ArrayList<>();
  EngineSettings settings =
      EngineSettings.defaults()
          .withTimeouts(
              Duration.ofSeconds(5),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5));
  Optional<GatewayHardware> hardware = Optional.empty();
  ModuleMetadata.Rollout rollout = new ModuleMetadata.Rollout(10, 5, 15_000, 0);
  ManualScheduler engineScheduler;
  FakeFleet.View engineTransport;

  static byte[] image(long version, int device) {
    return ImageCodec.encode(
        new ConfigImage(
            POLICY_ID, version, SCHEMA, new byte[] {(byte) device, (byte) version, 42}));
  }

  /** Adds a board running version 7, planned to get version 8. */
  FakeBoard board(String id, String board) {
    return board(id, board, true);
  }

  FakeBoard board(String id, String board, boolean hasPrevious) {
    Transport transport = BoardCatalogue.require(board).transport();
    int n = devices.size() + 1;
    byte[] previous = hasPrevious ? image(7, n) : null;
    FakeBoard b = fleet.add(id, board, transport, previous);
    devices.add(
        new DevicePlan(id, board, transport, image(8, n), Optional.ofNullable(previous), true));
    return b;
  }

  /** Marks boards offline both in the fleet and in the plan. */
  void offline(String... ids) {
    for (String id : ids) {
      fleet.board(id).online = false;
      for (int i = 0; i < devices.size(); i++) {
        DevicePlan d = devices.get(i);
        if (d.deviceId().equals(id)) {
          devices.set(
              i,
              new DevicePlan(
                  d.deviceId(), d.board(), d.transport(), d.newImage(), d.previousImage(), false));
        }
      }
    }
  }

  /** A standard mixed fleet: 6 ESP32, 2 ESP32-S3, 1 ESP32-C3, 3 nRF52840. */
  void mixedFleet() {
    for (int i = 1; i <= 6; i++) {
      board("esp-" + i, "esp32");
    }
    board("s3-1", "esp32s3");
    board("s3-2", "esp32s3");
    board("c3-1", "esp32c3");
    for (int i = 1; i <= 3; i++) {
      board("nrf-" + i, "nrf52840");
    }
  }

  RolloutPlan plan(String id) {
    return plan(id, RolloutKind.DEPLOY);
  }

  RolloutPlan plan(String id, RolloutKind kind) {
    return new RolloutPlan(
        id,
        "greenhouse",
        kind,
        new ModuleRef(8, NEW_SHA),
        Optional.of(new ModuleRef(7, OLD_SHA)),
        rollout,
        devices);
  }

  /** A new engine on its own killable scheduler and transport handle. */
  RolloutEngine engine() {
    engineScheduler = new ManualScheduler(time);
    engineTransport = fleet.view();
    return new RolloutEngine(
        engineTransport,
        hardware,
        journalPort,
        new RolloutObserver() {
          @Override
          public void onEvent(RolloutEvent event) {
            events.add(event);
          }

          @Override
          public void onProgress(RolloutProgress p) {
            progress.add(p);
          }
        },
        settings,
        engineScheduler,
        time);
  }

  /** Kills the current engine as a crash would: no more timers, transport calls or listeners. */
  void crash() {
    engineScheduler.kill();
    engineTransport.kill();
  }

  /** Runs manual time until the stage completes. */
  RolloutResult await(CompletionStage<RolloutResult> stage) {
    CompletableFuture<RolloutResult> f = stage.toCompletableFuture();
    time.advanceUntil(f::isDone, Duration.ofMinutes(30));
    return f.join();
  }

  /** Runs manual time until the rollout has nothing left to converge; its result by the journal. */
  RolloutResult settle(String rolloutId) {
    time.advanceUntil(
        () -> !journal.state(rolloutId).orElseThrow().needsResume(), Duration.ofMinutes(10));
    return Results.of(Ledger.replay(journal.state(rolloutId).orElseThrow()));
  }

  List<String> eventNames() {
    return events.stream()
        .map(e -> e.type().wireName() + e.deviceId().map(d -> ":" + d).orElse(""))
        .toList();
  }

  List<String> eventsOf(RolloutEvent.Type type) {
    return events.stream().filter(e -> e.type() == type).map(e -> e.deviceId().orElse("")).toList();
  }

  /**
   * Every board runs the image the outcome gives it (offline boards: have it as desired), and no
   * board runs an image nobody decided.
   */
  void assertBoardsMatch(RolloutResult result) {
    for (DevicePlan d : result.plan().devices()) {
      DeviceResult r = result.devices().get(d.deviceId());
      FakeBoard b = fleet.board(d.deviceId());
      byte[] expected = d.image(r.image()).orElse(null);
      String what = d.deviceId() + " " + r;
      if (r.state() == DeviceState.NOT_REACHED) {
        assertArrayEquals(b.initial, b.active, "untouched " + what);
        continue;
      }
      if (r.state() == DeviceState.OFFLINE || !b.online) {
        if (b.transport == Transport.MQTT && expected != null) {
          assertArrayEquals(expected, b.desired, "desired of " + what);
        }
        continue;
      }
      if (expected == null) {
        assertNull(b.desired, "desired of " + what);
        continue;
      }
      assertArrayEquals(expected, b.active, "running image of " + what);
    }
  }
}
