package io.edgeconf.agent.waves;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.transport.BadInputCounters;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.BoardListener;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.HealthReport;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.RebootResult;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory fleet of {@link FakeBoard}s behind {@link BoardTransport}, driven by manual time:
 * acks after {@link #ackDelay}, health every {@link #healthInterval}, MQTT boards honour the
 * retained desired image when they return. {@link #view()} gives an engine its own handle that a
 * test can kill (a crashed agent).
 */
final class FakeFleet {
  final ManualTime time;
  private final ManualScheduler scheduler;
  final Map<String, FakeBoard> boards = new LinkedHashMap<>();

  /** Boards the transport does not know (yet), as after an agent restart before they register. */
  final Set<String> unknown = new java.util.HashSet<>();

  private final List<BoardListener> listeners = new CopyOnWriteArrayList<>();
  Duration ackDelay = Duration.ofMillis(50);
  Duration healthInterval = Duration.ofSeconds(1);
  int pushes;

  FakeFleet(ManualTime time) {
    this.time = time;
    this.scheduler = new ManualScheduler(time);
    later(healthInterval, this::tick);
  }

  FakeBoard add(String id, String board, Transport transport, byte[] initial) {
    FakeBoard b = new FakeBoard(id, board, transport, initial);
    boards.put(id, b);
    return b;
  }

  FakeBoard board(String id) {
    return boards.get(id);
  }

  /** Runs something on the fleet's side after a delay from now. */
  void at(Duration d, Runnable r) {
    later(d, r);
  }

  private void later(Duration d, Runnable r) {
    scheduler.schedule(r, d.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    boards.values().forEach(this::report);
    later(healthInterval, this::tick);
  }

  private void report(FakeBoard b) {
    if (b.online && !b.silent) {
      var report = new HealthReport(b.id, b.health(), time.instant());
      listeners.forEach(l -> l.onHealth(report));
    }
  }

  // ---- what the test does to boards ---------------------------------------------------------

  void goOffline(String id) {
    FakeBoard b = boards.get(id);
    b.online = false;
    listeners.forEach(l -> l.onOffline(id, "will"));
  }

  void comeOnline(String id) {
    FakeBoard b = boards.get(id);
    b.online = true;
    unknown.remove(id);
    listeners.forEach(l -> l.onOnline(id));
    if (b.transport == Transport.MQTT
        && b.desired != null
        && !b.runs(b.desired)
        && !b.failed.contains(ImageCodec.crcOf(b.desired))) {
      byte[] retained = b.desired;
      later(ackDelay, () -> receive(b, retained, null));
    }
  }

  /**
   * The board crashes without the transport noticing (a CoAP board: silence is noticed only after
   * three health intervals): it is dark for {@code dark}, then boots on its previous slot and
   * reports.
   */
  void crashDark(String id, Duration dark) {
    FakeBoard b = boards.get(id);
    b.silent = true;
    later(
        dark,
        () -> {
          b.crashAndRevert();
          report(b);
        });
  }

  void resetLinePulsed(String id) {
    FakeBoard b = boards.get(id);
    b.reset();
    report(b);
  }

  // ---- the board side of a push ---------------------------------------------------------------

  private CompletableFuture<PushResult> push(String id, byte[] image, Duration deadline) {
    pushes++;
    FakeBoard b = boards.get(id);
    long version = ImageCodec.versionOf(image).orElse(0);
    long crc = ImageCodec.crcOf(image);
    CompletableFuture<PushResult> f = new CompletableFuture<>();
    if (b == null) {
      f.complete(PushResult.of(id, PushStatus.UNREACHABLE, version, crc, "unknown"));
      return f;
    }
    if (b.transport == Transport.MQTT) {
      b.desired = image;
    }
    if (!b.online) {
      f.complete(PushResult.of(id, PushStatus.UNREACHABLE, version, crc, "offline"));
      return f;
    }
    later(deadline, () -> f.complete(PushResult.of(id, PushStatus.TIMEOUT, version, crc, "")));
    later(ackDelay, () -> receive(b, image, f));
    return f;
  }

  private void receive(FakeBoard b, byte[] image, CompletableFuture<PushResult> f) {
    if (!b.online) {
      return;
    }
    long version = ImageCodec.versionOf(image).orElse(0);
    long crc = ImageCodec.crcOf(image);
    boolean bad = b.misbehavesWith(image) && !b.runs(image);
    if (bad && b.fault == FakeBoard.Fault.NO_ACK) {
      return;
    }
    if (bad && b.fault == FakeBoard.Fault.REJECT) {
      ack(b, Ack.rejected(version, crc, io.edgeconf.bridge.image.RejectionReason.RANGE), f);
      return;
    }
    if (!b.runs(image)) {
      b.apply(image);
      if (bad && b.fault == FakeBoard.Fault.CRASH_AFTER_APPLY) {
        later(
            b.crashAfter,
            () -> {
              if (b.runs(image)) {
                b.crashAndRevert();
                report(b);
              }
            });
      }
    }
    ack(b, Ack.applied(version, crc), f);
    report(b);
  }

  private void ack(FakeBoard b, Ack ack, CompletableFuture<PushResult> f) {
    if (f != null) {
      f.complete(
          ack.applied()
              ? PushResult.applied(b.id, ack.version(), ack.crc(), "")
              : PushResult.rejected(b.id, ack.version(), ack.crc(), ack.reason().get(), ""));
    }
    listeners.forEach(l -> l.onAck(b.id, ack, time.instant()));
  }

  // ---- the gateway side -----------------------------------------------------------------------

  /** A transport handle for one engine; {@link View#kill()} makes it inert (the agent died). */
  View view() {
    return new View();
  }

  final class View implements BoardTransport {
    private volatile boolean dead;
    private final List<BoardListener> mine = new CopyOnWriteArrayList<>();

    void kill() {
      dead = true;
      listeners.removeAll(mine);
    }

    @Override
    public Set<Transport> transports() {
      return EnumSet.allOf(Transport.class);
    }

    @Override
    public void start() {}

    @Override
    public boolean ready() {
      return !dead;
    }

    @Override
    public void addListener(BoardListener listener) {
      if (!dead) {
        mine.add(listener);
        listeners.add(listener);
      }
    }

    @Override
    public void removeListener(BoardListener listener) {
      mine.remove(listener);
      listeners.remove(listener);
    }

    @Override
    public List<BoardInfo> boards() {
      return boards.keySet().stream().map(id -> board(id).orElseThrow()).toList();
    }

    @Override
    public Optional<BoardInfo> board(String deviceId) {
      FakeBoard b = boards.get(deviceId);
      if (b == null || unknown.contains(deviceId)) {
        return Optional.empty();
      }
      var attrs = new DeviceAttributes(b.board, b.id, "", "", List.of(), Map.of(), Map.of());
      return Optional.of(BoardInfo.of(attrs, Optional.empty(), 0, b.online, time.instant()));
    }

    @Override
    public CompletionStage<PushResult> push(String deviceId, byte[] image, Duration deadline) {
      return dead
          ? new CompletableFuture<>()
          : FakeFleet.this.push(deviceId, image.clone(), deadline);
    }

    @Override
    public CompletionStage<Void> setDesired(String deviceId, byte[] image) {
      if (dead) {
        return new CompletableFuture<>();
      }
      FakeBoard b = boards.get(deviceId);
      if (b != null) {
        b.desired = image.clone();
        if (b.transport == Transport.MQTT && b.online && !b.runs(image)) {
          byte[] retained = b.desired;
          later(ackDelay, () -> receive(b, retained, null));
        }
      }
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> clearDesired(String deviceId) {
      if (!dead && boards.containsKey(deviceId)) {
        boards.get(deviceId).desired = null;
      }
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> republishDesired() {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<RebootResult> reboot(String deviceId, Duration deadline) {
      return CompletableFuture.completedFuture(
          new RebootResult(deviceId, RebootResult.Status.UNSUPPORTED, ""));
    }

    @Override
    public BadInputCounters badInput() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      kill();
    }
  }
}
