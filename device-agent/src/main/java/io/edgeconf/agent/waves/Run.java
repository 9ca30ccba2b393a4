package io.edgeconf.agent.waves;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rollout: its waves, the failure threshold, the rollback and the outcome. Confined to the
 * engine's serial executor. After its outcome it lingers while boards that were offline still
 * converge.
 */
final class Run {
  private static final Logger LOG = LoggerFactory.getLogger(Run.class);

  private final EngineContext ctx;
  private final RolloutEngine engine;
  final Ledger ledger;
  private final List<List<String>> waves;
  private final Map<String, Integer> waveOf = new HashMap<>();
  private final Map<String, DeviceDriver> drivers = new LinkedHashMap<>();
  private int currentWave = -1;
  final CompletableFuture<RolloutResult> result = new CompletableFuture<>();
  private volatile RolloutProgress progress;

  Run(EngineContext ctx, RolloutEngine engine, Ledger ledger) {
    this.ctx = ctx;
    this.engine = engine;
    this.ledger = ledger;
    this.waves = WavePlanner.waves(ledger.plan);
    for (int w = 0; w < waves.size(); w++) {
      for (String id : waves.get(w)) {
        waveOf.put(id, w);
      }
    }
    ledger.tracks().forEach(t -> drivers.put(t.id(), new DeviceDriver(this, ctx, t)));
    this.progress = computeProgress();
  }

  String id() {
    return ledger.plan.rolloutId();
  }

  RolloutPlan plan() {
    return ledger.plan;
  }

  RolloutProgress progress() {
    return progress;
  }

  boolean active() {
    return !ledger.completed();
  }

  /**
   * Whether verdicts still count: the rollout has no outcome and is not rolling back (a rollback
   * reverts every board that got the new image anyway).
   */
  boolean decidingVerdicts() {
    return !ledger.completed() && !ledger.rollingBack;
  }

  /** Whether it still has something to do: not completed, or boards still converging. */
  boolean live() {
    return !ledger.completed() || !ledger.allFinal();
  }

  Optional<DeviceDriver> driver(String deviceId) {
    return Optional.ofNullable(drivers.get(deviceId));
  }

  Duration healthWindow() {
    return ctx.settings()
        .healthWindowOverride()
        .orElse(Duration.ofMillis(ledger.plan.settings().healthWindowMs()));
  }

  // ---- start and resume ----------------------------------------------------------------------

  void start() {
    RolloutPlan plan = ledger.plan;
    LOG.info(
        "rollout {} of {} v{} to {} boards in {} waves",
        id(),
        plan.policy(),
        plan.target().version(),
        plan.devices().size(),
        waves.size());
    event(
        plan.kind() == RolloutKind.DEPLOY
            ? RolloutEvent.Type.ROLLOUT_STARTED
            : RolloutEvent.Type.ROLLBACK_STARTED,
        Optional.empty(),
        Optional.empty(),
        "");
    if (waves.isEmpty()) {
      changed();
    } else {
      launch(0);
    }
  }

  /** Continues from the journal's state after a restart. */
  void resume() {
    LOG.info("resuming rollout {} ({})", id(), ledger.completed() ? "converging" : "running");
    if (ledger.completed()) {
      drivers.values().forEach(DeviceDriver::resume);
      changed();
      return;
    }
    if (ledger.rollingBack) {
      for (DeviceDriver d : drivers.values()) {
        switch (d.track.state) {
          case WAITING -> notReached(d);
          case REVERTING -> d.resumeRevert();
          default -> {
            if (!d.track.state.isFinal()) {
              d.startRevert();
            } else if (d.track.state == DeviceState.SETTLED) {
              d.startRevert();
            }
          }
        }
      }
      changed();
      return;
    }
    currentWave = 0;
    for (Track t : ledger.tracks()) {
      if (t.state != DeviceState.WAITING) {
        currentWave = Math.max(currentWave, waveOf.get(t.id()));
      }
    }
    for (DeviceDriver d : drivers.values()) {
      if (waveOf.get(d.track.id()) <= currentWave) {
        if (d.track.state == DeviceState.WAITING) {
          d.sendNew();
        } else {
          d.resume();
        }
      }
    }
    if (!checkThreshold()) {
      changed();
    }
  }

  private void launch(int wave) {
    currentWave = wave;
    LOG.info("rollout {}: {} ({} boards)", id(), phase(), waves.get(wave).size());
    for (String id : waves.get(wave)) {
      DeviceDriver d = drivers.get(id);
      if (d.track.state == DeviceState.WAITING) {
        d.sendNew();
      }
      if (!active() || ledger.rollingBack) {
        return;
      }
    }
    changed();
  }

  // ---- verdicts, threshold, rollback ---------------------------------------------------------

  /** A board has its verdict (settled or failed). */
  void verdict(Track track) {
    if (!checkThreshold()) {
      changed();
    }
  }

  /** Trips the rollback when failures exceed the threshold; returns whether it did. */
  private boolean checkThreshold() {
    if (ledger.plan.kind() != RolloutKind.DEPLOY || ledger.rollingBack || !active()) {
      return false;
    }
    boolean canaryFinished =
        !waves.isEmpty()
            && waves.get(0).stream().anyMatch(id -> drivers.get(id).track.hasVerdict());
    if (!canaryFinished) {
      return false;
    }
    int tried = 0;
    int failed = 0;
    List<String> causes = new ArrayList<>();
    for (Track t : ledger.tracks()) {
      if (t.tried) {
        tried++;
      }
      if (t.failedNew()) {
        failed++;
        causes.add(
            t.id()
                + ": "
                + t.cause.get().wireName()
                + (t.detail.isEmpty() ? "" : " (" + t.detail + ")"));
      }
    }
    double max = ledger.plan.settings().maxFailuresPct();
    if (tried == 0 || failed * 100.0 <= max * tried) {
      return false;
    }
    causes.add(
        0, failed + " of " + tried + " boards tried failed, above max_failures " + max + "%");
    rollback(causes);
    return true;
  }

  private void rollback(List<String> causes) {
    LOG.warn("rollout {}: rolling back: {}", id(), causes.get(0));
    record(JournalEntry.rollout(JournalEntry.Type.ROLLBACK_STARTED, id(), causes, ctx.now()));
    event(
        RolloutEvent.Type.ROLLBACK_STARTED,
        Optional.empty(),
        Optional.empty(),
        "",
        causes,
        Optional.empty());
    for (DeviceDriver d : drivers.values()) {
      switch (d.track.state) {
        case WAITING -> notReached(d);
        case PUSHING, APPLIED, CONFIRMED, SETTLED, OFFLINE -> d.startRevert();
        default -> {}
      }
    }
    changed();
  }

  private void notReached(DeviceDriver d) {
    record(
        JournalEntry.device(
            JournalEntry.Type.DEVICE_NOT_REACHED,
            id(),
            d.track.id(),
            Optional.empty(),
            "",
            ctx.now()));
  }

  /** Something changed: publish progress, pass waves, complete. */
  void changed() {
    progress = computeProgress();
    ctx.progress(progress);
    if (ledger.completed()) {
      if (ledger.allFinal()) {
        engine.forget(this);
      }
      return;
    }
    if (ledger.rollingBack) {
      if (ledger.allFinal()) {
        record(
            JournalEntry.rollout(JournalEntry.Type.ROLLBACK_COMPLETED, id(), List.of(), ctx.now()));
        event(
            RolloutEvent.Type.ROLLBACK_COMPLETED,
            Optional.empty(),
            Optional.empty(),
            "",
            ledger.rollbackCauses,
            Optional.of(Outcome.ROLLED_BACK));
        complete(Outcome.ROLLED_BACK);
      }
      return;
    }
    if (currentWave >= 0 && !wavePassed(currentWave)) {
      return;
    }
    if (currentWave + 1 < waves.size()) {
      launch(currentWave + 1);
    } else {
      complete(Outcome.SUCCEEDED);
    }
  }

  private boolean wavePassed(int wave) {
    for (int w = 0; w <= wave; w++) {
      for (String id : waves.get(w)) {
        DeviceState s = drivers.get(id).track.state;
        if (!s.isFinal() && s != DeviceState.OFFLINE) {
          return false;
        }
      }
    }
    return true;
  }

  private void complete(Outcome outcome) {
    List<String> causes =
        outcome == Outcome.ROLLED_BACK ? List.copyOf(ledger.rollbackCauses) : List.of();
    record(JournalEntry.completed(id(), outcome, causes, ctx.now()));
    LOG.info("rollout {} completed: {}", id(), outcome.wireName());
    event(
        ledger.plan.kind() == RolloutKind.DEPLOY
            ? RolloutEvent.Type.ROLLOUT_COMPLETED
            : RolloutEvent.Type.ROLLBACK_COMPLETED,
        Optional.empty(),
        Optional.empty(),
        "",
        causes,
        Optional.of(outcome));
    progress = computeProgress();
    ctx.progress(progress);
    engine.ended(this);
    if (ledger.allFinal()) {
      engine.forget(this);
    }
    result.complete(result());
  }

  RolloutResult result() {
    return Results.of(ledger);
  }

  /** A later rollout takes this board over: this one stops watching it. */
  void supersede(String deviceId, String byRollout) {
    DeviceDriver d = drivers.get(deviceId);
    if (d == null || d.track.state.isFinal()) {
      return;
    }
    d.stop();
    record(
        JournalEntry.device(
            JournalEntry.Type.DEVICE_SUPERSEDED,
            id(),
            deviceId,
            Optional.empty(),
            "by rollout " + byRollout,
            ctx.now()));
    if (ledger.completed() && ledger.allFinal()) {
      engine.forget(this);
    }
  }

  /** Stops every board's timers (the engine closes). */
  void stop() {
    drivers.values().forEach(DeviceDriver::stop);
  }

  // ---- journal, events, progress -------------------------------------------------------------

  void record(JournalEntry entry) {
    try {
      ctx.journal().append(entry);
    } catch (RuntimeException e) {
      LOG.error(
          "rollout {}: could not journal {}: {}", id(), entry.type().wireName(), e.toString());
    }
    ledger.apply(entry);
  }

  void event(
      RolloutEvent.Type type,
      Optional<String> deviceId,
      Optional<FailureCause> cause,
      String detail) {
    event(type, deviceId, cause, detail, List.of(), Optional.empty());
  }

  private void event(
      RolloutEvent.Type type,
      Optional<String> deviceId,
      Optional<FailureCause> cause,
      String detail,
      List<String> causes,
      Optional<Outcome> outcome) {
    ctx.event(
        new RolloutEvent(
            type, id(), ledger.plan.policy(), ctx.now(), deviceId, cause, detail, causes, outcome));
  }

  private String phase() {
    if (ledger.completed()) {
      return "done";
    }
    if (ledger.rollingBack || ledger.plan.kind() == RolloutKind.ROLLBACK) {
      return "rollback";
    }
    return currentWave <= 0 ? "canary" : "batch " + currentWave;
  }

  private RolloutProgress computeProgress() {
    int applied = 0;
    int confirmed = 0;
    int failed = 0;
    int offline = 0;
    for (Track t : ledger.tracks()) {
      switch (t.state) {
        case APPLIED -> applied++;
        case CONFIRMED, SETTLED -> {
          applied++;
          confirmed++;
        }
        case OFFLINE -> offline++;
        default -> {}
      }
      if (t.failedNew()) {
        failed++;
      }
    }
    return new RolloutProgress(
        id(),
        ledger.plan.policy(),
        ledger.plan.kind(),
        phase(),
        ledger.tracks().size(),
        applied,
        confirmed,
        failed,
        offline);
  }
}
