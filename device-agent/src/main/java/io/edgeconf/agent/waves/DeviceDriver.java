package io.edgeconf.agent.waves;

import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.TransportBusyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one board through a rollout: push, ack, health window, and revert with the optional reset
 * pulse. Changes the board's state only through journaled steps ({@link Run#record}). Confined to
 * the engine's serial executor.
 */
final class DeviceDriver {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceDriver.class);

  private final Run run;
  private final EngineContext ctx;
  final Track track;
  private final long newVersion;
  private final long newCrc;
  private final long prevVersion;
  private final long prevCrc;

  /** Bumped by every new action: callbacks of older actions are ignored. */
  private int generation;

  private Future<?> timer;
  private Instant ackAt = Instant.MIN;
  private boolean healthyBeforeAck;
  private boolean wentOfflineWhilePushing;

  /** Offline now, inside its health window: its window stays open (it may be rebooting). */
  private boolean offlineInWindow;

  /** Was still offline when its window ended: it may have crashed, so its return is checked. */
  private boolean offlineAfterApply;

  /** When its health window ends (the ack plus the window), once it confirmed. */
  private Instant windowEnd = Instant.MAX;

  /** When the latest healthy report with the new image was received. */
  private Instant lastHealthyAt = Instant.MIN;

  /** Its window has ended without a report from its end yet: the next report decides. */
  private boolean awaitingFreshReport;

  DeviceDriver(Run run, EngineContext ctx, Track track) {
    this.run = run;
    this.ctx = ctx;
    this.track = track;
    byte[] image = track.plan.newImage();
    this.newVersion = ImageCodec.versionOf(image).orElseThrow();
    this.newCrc = ImageCodec.crcOf(image);
    Optional<byte[]> prev = track.plan.previousImage();
    this.prevVersion = prev.map(p -> ImageCodec.versionOf(p).orElseThrow()).orElse(-1L);
    this.prevCrc = prev.map(ImageCodec::crcOf).orElse(-1L);
  }

  private String id() {
    return track.id();
  }

  private DeviceState state() {
    return track.state;
  }

  // ---- the new image -------------------------------------------------------------------------

  /** Sends the new image: pushed when the board is online, else made its desired image. */
  void sendNew() {
    if (!ctx.online(track.plan)) {
      markOffline("offline when its wave came");
      return;
    }
    run.record(device(JournalEntry.Type.DEVICE_PUSHED, Optional.of(ImageRole.NEW), ""));
    pushNew();
  }

  /** Pushes the new image without journaling (the push is journaled already). */
  void pushNew() {
    int gen = next();
    healthyBeforeAck = false;
    wentOfflineWhilePushing = false;
    push(ImageRole.NEW, gen, this::onNewPushResult, this::onNewPushError);
  }

  private void markOffline(String why) {
    next();
    run.record(device(JournalEntry.Type.DEVICE_DESIRED, Optional.of(ImageRole.NEW), why));
    desire(ImageRole.NEW);
    run.changed();
  }

  private void onNewPushResult(PushResult r) {
    if (state() != DeviceState.PUSHING) {
      return;
    }
    switch (r.status()) {
      case APPLIED -> applied();
      case REJECTED -> fail(FailureCause.REJECTED, r.reason().orElse("") + detail(r));
      case TIMEOUT -> {
        if (wentOfflineWhilePushing && !ctx.online(track.plan)) {
          markOffline("went offline during the push");
        } else if (wentOfflineWhilePushing) {
          // Back without an ack (e.g. power lost mid-write): a failure, not an offline board,
          // whose return would be pushed the same image again, and again.
          fail(
              FailureCause.TIMEOUT,
              "no ack within "
                  + ctx.settings().pushDeadline()
                  + "; it went offline during the push and came back without acking");
        } else {
          fail(FailureCause.TIMEOUT, "no ack within " + ctx.settings().pushDeadline());
        }
      }
      case UNREACHABLE -> markOffline("unreachable" + detail(r));
      default -> fail(FailureCause.PUSH_ERROR, r.status().wireName() + detail(r));
    }
  }

  private void onNewPushError(Throwable t) {
    if (state() == DeviceState.PUSHING) {
      fail(FailureCause.PUSH_ERROR, t.toString());
    }
  }

  private void applied() {
    next();
    run.record(device(JournalEntry.Type.DEVICE_APPLIED, Optional.empty(), ""));
    run.event(RolloutEvent.Type.DEVICE_APPLIED, Optional.of(id()), Optional.empty(), "");
    ackAt = ctx.now();
    if (healthyBeforeAck) {
      confirm();
      return;
    }
    watchForFirstHealth();
    run.changed();
  }

  private void watchForFirstHealth() {
    Duration window = run.healthWindow();
    Duration wait =
        window.compareTo(ctx.settings().firstHealthTimeout()) > 0
            ? window
            : ctx.settings().firstHealthTimeout();
    int gen = generation;
    schedule(
        wait,
        () -> {
          if (gen == generation && state() == DeviceState.APPLIED) {
            if (offlineInWindow) {
              offlineAtWindowEnd();
            } else {
              fail(FailureCause.SILENT, "no healthy report with the new image within " + wait);
            }
          }
        });
  }

  private void confirm() {
    run.record(device(JournalEntry.Type.DEVICE_CONFIRMED, Optional.empty(), ""));
    run.event(RolloutEvent.Type.DEVICE_CONFIRMED, Optional.of(id()), Optional.empty(), "");
    watchWindowEnd();
    run.changed();
  }

  /** Waits for the end of the health window counted from {@link #ackAt}. */
  private void watchWindowEnd() {
    windowEnd = ackAt.plus(run.healthWindow());
    Duration delay = Duration.between(ctx.now(), windowEnd);
    int gen = next();
    Runnable end =
        () -> {
          if (gen == generation && state() == DeviceState.CONFIRMED) {
            windowEnded();
          }
        };
    if (delay.isNegative() || delay.isZero()) {
      end.run();
    } else {
      schedule(delay, end);
    }
  }

  /**
   * Settles the board on a healthy report from the end of its window. One from before the end does
   * not show that it lived through the window: it may have crashed since without the transport
   * noticing yet (a CoAP board counts as offline only after three silent health intervals). So,
   * like a board that went offline in its window, it keeps its window open: its next report, or the
   * transport finding it offline, decides.
   */
  private void windowEnded() {
    if (offlineInWindow) {
      offlineAtWindowEnd();
      return;
    }
    if (!lastHealthyAt.isBefore(windowEnd)) {
      settle();
      return;
    }
    awaitingFreshReport = true;
    Duration wait = ctx.settings().freshReportTimeout();
    int gen = generation;
    schedule(
        wait,
        () -> {
          if (gen == generation && state() == DeviceState.CONFIRMED) {
            fail(FailureCause.SILENT, "no report within " + wait + " after its health window");
          }
        });
  }

  private void settle() {
    next();
    run.record(device(JournalEntry.Type.DEVICE_SETTLED, Optional.empty(), ""));
    run.verdict(track);
  }

  private void offlineAtWindowEnd() {
    offlineInWindow = false;
    markOffline("offline when its health window ended");
    offlineAfterApply = true;
  }

  // ---- what the board says -------------------------------------------------------------------

  void onHealth(Health h, Instant receivedAt) {
    offlineInWindow = false;
    boolean isNew = h.version() == newVersion && h.crc() == newCrc;
    switch (state()) {
      case PUSHING -> healthyBeforeAck |= isNew && h.ok();
      case APPLIED -> {
        if (isNew) {
          if (h.ok()) {
            lastHealthyAt = receivedAt;
            confirm();
          } else {
            fail(FailureCause.UNHEALTHY, "reported ok:false");
          }
        } else if (!Duration.between(ackAt, receivedAt)
            .minus(ctx.settings().staleReportGrace())
            .isNegative()) {
          fail(FailureCause.OLD_VERSION, reported(h));
        }
      }
      case CONFIRMED -> {
        String when = awaitingFreshReport ? " at the end of its health window" : "";
        if (!isNew) {
          fail(FailureCause.OLD_VERSION, reported(h) + when);
        } else if (!h.ok()) {
          fail(
              FailureCause.UNHEALTHY,
              "reported ok:false " + (when.isEmpty() ? "inside the health window" : when.strip()));
        } else {
          if (receivedAt.isAfter(lastHealthyAt)) {
            lastHealthyAt = receivedAt;
          }
          if (awaitingFreshReport && !receivedAt.isBefore(windowEnd)) {
            settle();
          }
        }
      }
      case SETTLED -> {
        // A backstop: settled, then back on another image (it crashed and reverted itself) while
        // the rollout still decides verdicts. It counts; after the outcome it is final.
        if (!isNew && run.decidingVerdicts()) {
          fail(FailureCause.OLD_VERSION, reported(h) + " after it settled");
        }
      }
      case REVERTING -> {
        if (h.ok() && h.version() == prevVersion && h.crc() == prevCrc) {
          reverted(true, "healthy on the previous image");
        }
      }
      default -> {}
    }
  }

  void onAck(Ack ack) {
    if (state() != DeviceState.OFFLINE || ack.version() != newVersion || ack.crc() != newCrc) {
      return;
    }
    // A returning board acks its retained desired image before the gateway pushes.
    run.record(device(JournalEntry.Type.DEVICE_PUSHED, Optional.of(ImageRole.NEW), "returned"));
    if (ack.applied()) {
      applied();
    } else {
      fail(FailureCause.REJECTED, ack.reason().orElse(""));
    }
  }

  void onOnline() {
    offlineInWindow = false;
    if (state() == DeviceState.OFFLINE && offlineAfterApply) {
      // A board that crashed reboots on its previous slot: its reports decide, not a new push
      // (which would make it crash again).
      offlineAfterApply = false;
      run.record(device(JournalEntry.Type.DEVICE_PUSHED, Optional.of(ImageRole.NEW), "returned"));
      applied();
      return;
    }
    if (state() == DeviceState.OFFLINE) {
      run.record(device(JournalEntry.Type.DEVICE_PUSHED, Optional.of(ImageRole.NEW), "returned"));
      pushNew();
    }
  }

  void onOffline() {
    switch (state()) {
      case PUSHING -> wentOfflineWhilePushing = true;
      case APPLIED, CONFIRMED -> {
        if (awaitingFreshReport) {
          offlineAtWindowEnd();
        } else {
          offlineInWindow = true;
        }
      }
      default -> {}
    }
  }

  // ---- failure and revert --------------------------------------------------------------------

  void fail(FailureCause cause, String detail) {
    next();
    run.record(JournalEntry.failed(run.id(), id(), cause, detail, ctx.now()));
    LOG.info("rollout {}: {} failed: {} {}", run.id(), id(), cause.wireName(), detail);
    run.event(RolloutEvent.Type.DEVICE_FAILED, Optional.of(id()), Optional.of(cause), detail);
    if (state() == DeviceState.REVERTING) {
      startRevert();
    }
    run.verdict(track);
  }

  /** Sends the board its previous image (or clears its desired one when it never had one). */
  void startRevert() {
    int gen = next();
    ImageRole role = track.plan.revertRole();
    if (role == ImageRole.NONE) {
      ctx.transport().clearDesired(id());
      reverted(true, "no previous image: desired image cleared");
      return;
    }
    if (!ctx.online(track.plan)) {
      run.record(device(JournalEntry.Type.DEVICE_DESIRED, Optional.of(role), "offline"));
      desire(role);
      reverted(true, "offline: the previous image is its desired one");
      return;
    }
    run.record(device(JournalEntry.Type.DEVICE_PUSHED, Optional.of(role), ""));
    push(role, gen, r -> onRevertPushResult(gen, r), t -> waitForRevert(gen));
  }

  /** Continues a revert after a restart: the previous image is pushed again. */
  void resumeRevert() {
    if (track.resetPulsed) {
      int gen = next();
      schedule(ctx.settings().resetWait(), () -> revertTimedOut(gen));
    } else {
      startRevert();
    }
  }

  private void onRevertPushResult(int gen, PushResult r) {
    if (gen != generation || state() != DeviceState.REVERTING) {
      return;
    }
    if (r.status() == PushStatus.UNREACHABLE) {
      desire(track.plan.revertRole());
      reverted(true, "offline: the previous image is its desired one");
      return;
    }
    waitForRevert(gen);
  }

  private void waitForRevert(int gen) {
    if (gen == generation && state() == DeviceState.REVERTING) {
      schedule(ctx.settings().revertTimeout(), () -> revertTimedOut(gen));
    }
  }

  private void revertTimedOut(int gen) {
    if (gen != generation || state() != DeviceState.REVERTING) {
      return;
    }
    if (!track.resetPulsed && ctx.hardware().map(h -> h.hasResetLine(id())).orElse(false)) {
      run.record(device(JournalEntry.Type.DEVICE_RESET_PULSED, Optional.empty(), ""));
      LOG.info(
          "rollout {}: {} not healthy on its previous image; pulsing its reset line",
          run.id(),
          id());
      ctx.hardware()
          .get()
          .pulseReset(id())
          .whenComplete(
              (v, t) -> {
                if (t != null) {
                  LOG.warn("reset pulse of {} failed: {}", id(), t.toString());
                }
              });
      schedule(ctx.settings().resetWait(), () -> revertTimedOut(gen));
      return;
    }
    cancelTimer();
    next();
    run.record(
        device(
            JournalEntry.Type.DEVICE_REVERT_UNCONFIRMED,
            Optional.of(track.plan.revertRole()),
            "no healthy report on the previous image"));
    run.changed();
  }

  private void reverted(boolean recovered, String why) {
    cancelTimer();
    next();
    run.record(
        device(
            recovered
                ? JournalEntry.Type.DEVICE_REVERTED
                : JournalEntry.Type.DEVICE_REVERT_UNCONFIRMED,
            Optional.of(track.plan.revertRole()),
            why));
    run.changed();
  }

  // ---- resume --------------------------------------------------------------------------------

  /** Picks the board up again after a restart, from the state the journal gives it. */
  void resume() {
    switch (state()) {
      case PUSHING -> {
        if (ctx.known(track.plan)) {
          pushNew();
        } else {
          // Not seen since the agent restarted (a CoAP board registers again only when its
          // registration is due): an offline board, pushed when it returns, not a failure.
          markOffline("not seen since the agent restarted");
        }
      }
      case OFFLINE -> {
        desire(ImageRole.NEW);
        if (ctx.online(track.plan)) {
          onOnline();
        }
      }
      case APPLIED -> {
        next();
        ackAt = ctx.now();
        watchForFirstHealth();
      }
      case CONFIRMED -> {
        ackAt = ctx.now();
        watchWindowEnd();
      }
      case REVERTING -> resumeRevert();
      default -> {}
    }
  }

  /** Stops every timer; callbacks still in flight are ignored. */
  void stop() {
    next();
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private int next() {
    cancelTimer();
    offlineInWindow = false;
    awaitingFreshReport = false;
    return ++generation;
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void schedule(Duration delay, Runnable task) {
    cancelTimer();
    timer = ctx.after(delay, task);
  }

  private void desire(ImageRole role) {
    track
        .plan
        .image(role)
        .ifPresent(
            image ->
                ctx.transport()
                    .setDesired(id(), image)
                    .whenComplete(
                        (v, t) -> {
                          if (t != null) {
                            LOG.warn(
                                "could not set the desired image of {}: {}", id(), t.toString());
                          }
                        }));
  }

  private void push(
      ImageRole role,
      int gen,
      java.util.function.Consumer<PushResult> onResult,
      java.util.function.Consumer<Throwable> onError) {
    byte[] image = track.plan.image(role).orElseThrow();
    if (track.plan.transport() == io.edgeconf.bridge.catalogue.Transport.COAP) {
      // Over CoAP a push does not by itself make the image desired (MQTT's retained cfg does).
      desire(role);
    }
    ctx.transport()
        .push(id(), image, ctx.settings().pushDeadline())
        .whenComplete(
            (r, t) ->
                ctx.serial()
                    .execute(
                        () -> {
                          if (gen != generation) {
                            return;
                          }
                          Throwable cause =
                              t instanceof CompletionException c && c.getCause() != null
                                  ? c.getCause()
                                  : t;
                          if (cause instanceof TransportBusyException) {
                            schedule(
                                ctx.settings().busyRetry(),
                                () -> {
                                  if (gen == generation) {
                                    push(role, gen, onResult, onError);
                                  }
                                });
                          } else if (cause != null) {
                            onError.accept(cause);
                          } else {
                            onResult.accept(r);
                          }
                        }));
  }

  private JournalEntry device(JournalEntry.Type type, Optional<ImageRole> image, String detail) {
    return JournalEntry.device(type, run.id(), id(), image, detail, ctx.now());
  }

  private static String detail(PushResult r) {
    return r.detail().isEmpty() ? "" : ": " + r.detail();
  }

  private static String reported(Health h) {
    return "reports version "
        + h.version()
        + " crc "
        + io.edgeconf.bridge.image.Crc32c.hex(h.crc());
  }
}
