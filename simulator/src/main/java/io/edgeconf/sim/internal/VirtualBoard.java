package io.edgeconf.sim.internal;

import io.edgeconf.bridge.catalogue.Board;
import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.ConfigImage;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.ImageRejectedException;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.message.Hello;
import io.edgeconf.bridge.transport.internal.SerialExecutor;
import io.edgeconf.sim.BoardSnapshot;
import io.edgeconf.sim.Fault;
import io.edgeconf.sim.FaultKind;
import io.edgeconf.sim.SimEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated board, whatever its transport: power, the push life cycle with its faults, and
 * periodic health. A subclass carries the bytes (MQTT or CoAP). Every state change runs on the
 * board's serial executor, so one board's work never overlaps; public methods may be called from
 * any thread.
 */
public abstract class VirtualBoard {
  private static final Logger LOG = LoggerFactory.getLogger(VirtualBoard.class);

  protected final DeviceAttributes device;
  protected final Board board;
  protected final Firmware firmware;
  protected final BoardFaults faults = new BoardFaults();
  protected final BoardContext ctx;
  protected final SerialExecutor serial;
  private final Duration healthOffset;
  private volatile boolean powered;
  private volatile boolean dark;
  private volatile boolean closing;
  private int epoch;
  private ScheduledFuture<?> healthTask;

  protected VirtualBoard(
      DeviceAttributes device, Firmware firmware, BoardContext ctx, Duration healthOffset) {
    this.device = device;
    this.board = BoardCatalogue.require(device.board());
    this.firmware = firmware;
    this.ctx = ctx;
    this.serial = ctx.threads().serial();
    this.healthOffset = healthOffset;
  }

  public final String id() {
    return device.id();
  }

  public final DeviceAttributes device() {
    return device;
  }

  /** The hello this board announces. */
  protected final Hello hello() {
    return Hello.of(device, ctx.options().policy(), board.maxImageBytes());
  }

  /**
   * Boots the firmware and brings the transport up.
   *
   * @return completes when the board is online (connected or serving), exceptionally when it cannot
   *     be
   */
  public final CompletableFuture<Void> start() {
    bootFirmware();
    powered = true;
    long period = ctx.options().healthInterval().toMillis();
    healthTask =
        ctx.threads()
            .timer()
            .scheduleAtFixedRate(
                () -> serial.execute(this::tick),
                healthOffset.toMillis(),
                period,
                TimeUnit.MILLISECONDS);
    return startTransport();
  }

  /** Stops the board: health, transport; persistent flash stays as it is. */
  public final void close() {
    closing = true;
    if (healthTask != null) {
      healthTask.cancel(false);
    }
    try {
      closeTransport();
    } catch (RuntimeException e) {
      LOG.debug("{}: closing: {}", id(), e.toString());
    }
  }

  protected final boolean closing() {
    return closing;
  }

  protected final boolean powered() {
    return powered;
  }

  /** Whether the transport should be up: powered, not deliberately dark, not closing. */
  protected final boolean shouldBeUp() {
    return powered && !dark && !closing;
  }

  // ---- power -------------------------------------------------------------------------------

  /** Cuts power: the board goes dark (MQTT: the broker publishes its will) until powered on. */
  public final void powerOff() {
    serial.execute(
        () -> {
          if (!powered) {
            return;
          }
          epoch++;
          powered = false;
          darken("power off");
        });
  }

  /** Restores power: the board boots (boot counter +1) and comes back. */
  public final void powerOn() {
    serial.execute(
        () -> {
          if (powered || closing) {
            return;
          }
          epoch++;
          boot();
        });
  }

  /** Reboots: dark for the reboot delay, then boots again. */
  public final void reboot() {
    serial.execute(() -> powerCycle("reboot"));
  }

  private void powerCycle(String why) {
    if (!powered) {
      return;
    }
    int e = ++epoch;
    powered = false;
    darken(why);
    later(
        ctx.options().rebootDelay(),
        () -> {
          if (epoch == e && !powered && !closing) {
            boot();
          }
        });
  }

  private void boot() {
    bootFirmware();
    powered = true;
    dark = false;
    comeBack();
  }

  private void darken(String why) {
    dark = true;
    goDark();
    Firmware.Running r = firmware.running();
    emit(SimEvent.Kind.OFFLINE, r.version(), r.crc(), why);
  }

  private void goOffline(Duration duration) {
    int e = ++epoch;
    darken("offline=" + duration.toMillis() + "ms");
    later(
        duration,
        () -> {
          if (epoch == e && powered && !closing) {
            dark = false;
            comeBack();
          }
        });
  }

  private void bootFirmware() {
    try {
      Flash.BootReport report = firmware.boot();
      Firmware.Running r = firmware.running();
      String torn =
          report.torn().isEmpty()
              ? ""
              : "torn slot "
                  + report.torn().stream().map(Slot::name).collect(Collectors.joining(","));
      if (!torn.isEmpty()) {
        LOG.info("{}: boot {} found {}; running slot {}", id(), report.boot(), torn, r.slot());
      }
      emit(SimEvent.Kind.BOOTED, r.version(), r.crc(), torn);
    } catch (IOException e) {
      LOG.error("{}: cannot read its flash: {}", id(), e.toString());
    }
  }

  /** Runs a task on this board's serial executor after a delay. */
  protected final void later(Duration delay, Runnable task) {
    ctx.threads()
        .timer()
        .schedule(() -> serial.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  // ---- pushes ------------------------------------------------------------------------------

  /**
   * Handles a pushed image on the board's worker.
   *
   * @param bytes the image
   * @param sink where the answer goes
   * @param replay whether it is a retained copy the broker replays on (re)subscription: firmware
   *     skips an image it runs already or that failed here
   */
  protected final void push(byte[] bytes, AckSink sink, boolean replay) {
    serial.execute(() -> onPush(bytes, sink, replay));
  }

  private void onPush(byte[] bytes, AckSink sink, boolean replay) {
    if (!shouldBeUp()) {
      return;
    }
    long crc = crcOf(bytes);
    long version = ImageCodec.versionOf(bytes).orElse(0);
    if (replay && (firmware.runs(bytes) || firmware.hasFailed(crc))) {
      LOG.debug("{}: replayed cfg {} skipped", id(), crcHex(crc));
      return;
    }
    Optional<Fault> offline = faults.take(FaultKind.OFFLINE);
    if (offline.isPresent()) {
      emit(SimEvent.Kind.IGNORED, version, crc, offline.get().toString());
      goOffline(offline.get().duration().orElse(Duration.ZERO));
      return;
    }
    if (faults.has(FaultKind.NO_ACK)) {
      emit(SimEvent.Kind.IGNORED, version, crc, "no-ack");
      return;
    }
    Optional<Duration> slow = faults.get(FaultKind.SLOW).flatMap(Fault::duration);
    if (slow.isPresent()) {
      sink.deferred();
      later(
          slow.get(),
          () -> {
            if (shouldBeUp()) {
              process(bytes, sink, version, crc);
            }
          });
    } else {
      process(bytes, sink, version, crc);
    }
  }

  private void process(byte[] bytes, AckSink sink, long version, long crc) {
    Optional<RejectionReason> forced = faults.get(FaultKind.REJECT).flatMap(Fault::reason);
    if (forced.isPresent()) {
      reject(sink, version, crc, forced.get(), "fault reject");
      return;
    }
    ConfigImage image;
    try {
      image = firmware.check(bytes);
    } catch (ImageRejectedException e) {
      reject(sink, version, crc, e.reason(), e.getMessage());
      return;
    }
    if (firmware.runs(bytes)) {
      sink.ack(Ack.applied(version, crc));
      publishHealthNow();
      return;
    }
    if (faults.has(FaultKind.FLASH_FAIL)) {
      reject(sink, version, crc, RejectionReason.FLASH, "fault flash-fail");
      return;
    }
    if (faults.has(FaultKind.POWER_CUT)) {
      powerCut(bytes, version, crc);
      return;
    }
    try {
      firmware.apply(bytes, image);
    } catch (IOException e) {
      LOG.warn("{}: slot write failed: {}", id(), e.toString());
      reject(sink, version, crc, RejectionReason.FLASH, e.toString());
      return;
    }
    sink.ack(Ack.applied(version, crc));
    emit(SimEvent.Kind.APPLIED, version, crc, "slot " + firmware.running().slot().orElse(null));
    if (faults.has(FaultKind.UNHEALTHY)) {
      firmware.setUnhealthy(true);
      Duration window =
          faults
              .get(FaultKind.UNHEALTHY)
              .flatMap(Fault::duration)
              .orElse(ctx.options().healthInterval());
      later(window, () -> revertIfRunning(crc, "unhealthy"));
    }
    publishHealthNow();
    faults
        .get(FaultKind.CRASH_AFTER_APPLY)
        .flatMap(Fault::duration)
        .ifPresent(d -> later(d, () -> crash(crc)));
  }

  private void powerCut(byte[] bytes, long version, long crc) {
    try {
      firmware.writeTorn(bytes);
    } catch (IOException e) {
      LOG.warn("{}: torn write failed: {}", id(), e.toString());
    }
    emit(SimEvent.Kind.POWER_CUT, version, crc, "slot " + firmware.running().slot().orElse(null));
    powerCycle("power-cut");
  }

  private void crash(long crc) {
    if (!powered || closing || firmware.running().crc() != crc) {
      return;
    }
    revert("crash-after-apply");
    powerCycle("crash");
  }

  private void revertIfRunning(long crc, String why) {
    if (!powered || closing || firmware.running().crc() != crc) {
      return;
    }
    revert(why);
    publishHealthNow();
  }

  private void revert(String why) {
    try {
      Firmware.Running back = firmware.revert();
      emit(SimEvent.Kind.REVERTED, back.version(), back.crc(), why);
    } catch (IOException e) {
      LOG.warn("{}: revert failed: {}", id(), e.toString());
    }
  }

  private void reject(
      AckSink sink, long version, long crc, RejectionReason reason, String message) {
    LOG.debug("{}: rejected image v{} {}: {}", id(), version, crcHex(crc), message);
    sink.ack(Ack.rejected(version, crc, reason));
    emit(SimEvent.Kind.REJECTED, version, crc, reason.wireName());
  }

  private static long crcOf(byte[] bytes) {
    return bytes.length >= 4 ? ImageCodec.crcOf(bytes) : 0;
  }

  private static String crcHex(long crc) {
    return String.format("%08x", crc);
  }

  // ---- health ------------------------------------------------------------------------------

  private void tick() {
    if (shouldBeUp()) {
      publishHealthNow();
    }
  }

  /** Sends a health report now, if the board is up. */
  protected final void publishHealthNow() {
    if (shouldBeUp()) {
      publishHealth(firmware.health());
    }
  }

  // ---- faults ------------------------------------------------------------------------------

  /** Sets a fault (replacing one of its kind). */
  public final void setFault(Fault fault) {
    faults.set(fault);
    faultsChanged();
  }

  /** Clears a kind of fault, or all when {@code kind} is empty. */
  public final void clearFaults(Optional<FaultKind> kind) {
    kind.ifPresentOrElse(faults::clear, faults::clearAll);
    faultsChanged();
  }

  private void faultsChanged() {
    Firmware.Running r = firmware.running();
    serial.execute(
        () -> emit(SimEvent.Kind.FAULTS, r.version(), r.crc(), String.join(",", faults.list())));
  }

  // ---- events and state --------------------------------------------------------------------

  protected final void emit(SimEvent.Kind kind, long version, long crc, String detail) {
    ctx.events()
        .accept(new SimEvent(ctx.options().clock().instant(), id(), kind, version, crc, detail));
  }

  /** A snapshot of the board's state. */
  public final BoardSnapshot snapshot() {
    Firmware.Running r = firmware.running();
    return new BoardSnapshot(
        device,
        powered,
        online(),
        r.slot().map(Slot::name).orElse(""),
        r.version(),
        r.crc(),
        firmware.healthy(),
        firmware.bootCount(),
        firmware.binding(),
        r.values(),
        faults.list(),
        coapAddress(),
        registered());
  }

  /** The faults set, as SPEC items. */
  public final List<String> faultList() {
    return faults.list();
  }

  // ---- the transport -----------------------------------------------------------------------

  /** Brings the transport up for the first time. */
  protected abstract CompletableFuture<Void> startTransport();

  /** Drops off the network at once, as when power or the radio goes (no goodbye). */
  protected abstract void goDark();

  /** Comes back on the network after a boot or an outage, and announces itself. */
  protected abstract void comeBack();

  /** Sends a health report. */
  protected abstract void publishHealth(Health health);

  /** Closes the transport for good. */
  protected abstract void closeTransport();

  /** Whether the board is connected (MQTT) or serving (CoAP). */
  public abstract boolean online();

  /** The UDP address a CoAP board serves on. */
  protected Optional<InetSocketAddress> coapAddress() {
    return Optional.empty();
  }

  /** Whether a CoAP board's last registration succeeded. */
  protected boolean registered() {
    return false;
  }
}
