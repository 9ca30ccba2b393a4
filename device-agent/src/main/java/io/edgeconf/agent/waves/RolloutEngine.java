package io.edgeconf.agent.waves;

import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.internal.SerialExecutor;
import io.edgeconf.hardware.GatewayHardware;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rolls config images out to boards in waves and rolls them back (management-api.md, Rollout):
 * canary, then batches; each board confirmed by an {@code applied} ack and a healthy report with
 * the new image that lasts the health window; a failed board is sent its previous image (and its
 * reset line pulsed once when it does not come back); past {@code max_failures} every board that
 * got the new image is sent its previous one and the outcome says {@link Outcome#ROLLED_BACK}.
 * Every step is journaled first, so {@link #resume} continues after a crash. See docs/rollout.md.
 *
 * <p><b>One rollout at a time.</b> {@link #start} while another rollout runs throws {@link
 * RolloutBusyException}: the agent answers the deploy (or rollback) {@code busy} and queues
 * nothing, so an operator never has a module go out later that they no longer expect. Boards that
 * were offline when a rollout ended keep converging afterwards and do not make the engine busy; a
 * new rollout that includes them takes them over.
 *
 * <p>Thread-safe. All work runs on a serial executor over the injected scheduler; transport and
 * timer callbacks are posted to it. The engine never blocks and owns no threads. It does not make
 * modules active: the agent does that by the outcome.
 */
public final class RolloutEngine implements AutoCloseable {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RolloutEngine.class);

  private final EngineContext ctx;
  private final AtomicReference<Run> active = new AtomicReference<>();

  /** Confined to the serial executor. */
  private final Map<String, Run> owners = new HashMap<>();

  /** Confined to the serial executor. */
  private final List<Run> runs = new ArrayList<>();

  private final EngineListener listener;
  private volatile boolean closed;

  /**
   * @param transport reaches the boards (the agent's hub of MQTT and CoAP)
   * @param hardware the gateway's hardware, for reset lines; empty when it has none
   * @param journal where every step is made durable before it is acted on
   * @param observer receives events and progress
   * @param settings timing
   * @param scheduler runs the engine's work and timers (may be shared; the engine serialises)
   * @param clock the engine's time
   */
  public RolloutEngine(
      BoardTransport transport,
      Optional<GatewayHardware> hardware,
      RolloutJournal journal,
      RolloutObserver observer,
      EngineSettings settings,
      ScheduledExecutorService scheduler,
      InstantSource clock) {
    this.ctx =
        new EngineContext(
            Objects.requireNonNull(transport, "transport"),
            Objects.requireNonNull(hardware, "hardware"),
            Objects.requireNonNull(journal, "journal"),
            Objects.requireNonNull(observer, "observer"),
            Objects.requireNonNull(settings, "settings"),
            Objects.requireNonNull(scheduler, "scheduler"),
            Objects.requireNonNull(clock, "clock"),
            new SerialExecutor(scheduler));
    this.listener = new EngineListener(this, ctx.serial());
    transport.addListener(listener);
  }

  /**
   * Starts a rollout: journals its plan, then runs it.
   *
   * @return completes with the outcome when every online board has its final state (boards offline
   *     then converge later); never completes exceptionally unless the engine is closed
   * @throws RolloutBusyException when another rollout runs (see the class comment)
   * @throws IllegalStateException when the engine is closed
   */
  public CompletionStage<RolloutResult> start(RolloutPlan plan) {
    Objects.requireNonNull(plan, "plan");
    Run run = claim(new Ledger(plan));
    ctx.serial()
        .execute(
            () -> {
              try {
                ctx.journal().started(plan, ctx.now());
              } catch (RuntimeException e) {
                LOG.error(
                    "rollout {}: could not journal its start: {}", plan.rolloutId(), e.toString());
              }
              adopt(run);
              run.start();
            });
    return run.result.copy();
  }

  /**
   * Continues a rollout from its journal after a restart. Call it for every journal whose {@link
   * JournalState#needsResume()} is true; a completed one only keeps its offline boards converging
   * (its stage completes at once).
   *
   * @throws RolloutBusyException when the journal's rollout has not completed and another one runs
   */
  public CompletionStage<RolloutResult> resume(JournalState state) {
    Ledger ledger = Ledger.replay(state);
    Run run = ledger.completed() ? new Run(ctx, this, ledger) : claim(ledger);
    ctx.serial()
        .execute(
            () -> {
              adopt(run);
              run.resume();
            });
    if (ledger.completed()) {
      return CompletableFuture.completedFuture(run.result());
    }
    return run.result.copy();
  }

  /** Whether a rollout (or rollback) is running: a deploy now would be answered {@code busy}. */
  public boolean isRunning() {
    return active.get() != null;
  }

  /** The running rollout's progress. */
  public Optional<RolloutProgress> progress() {
    return Optional.ofNullable(active.get()).map(Run::progress);
  }

  /**
   * Stops watching boards and cancels timers; boards keep whatever they have, and the journal lets
   * a new engine resume. Pending result stages never complete.
   */
  @Override
  public void close() {
    closed = true;
    ctx.transport().removeListener(listener);
    ctx.serial()
        .execute(
            () -> {
              runs.forEach(Run::stop);
              runs.clear();
              owners.clear();
              active.set(null);
            });
  }

  private Run claim(Ledger ledger) {
    if (closed) {
      throw new IllegalStateException("the rollout engine is closed");
    }
    Run run = new Run(ctx, this, ledger);
    Run running = active.compareAndExchange(null, run);
    if (running != null) {
      throw new RolloutBusyException(running.id(), ledger.plan.rolloutId());
    }
    return run;
  }

  /** On the serial executor: the run's boards are its own from now on. */
  private void adopt(Run run) {
    for (DevicePlan d : run.plan().devices()) {
      Run previous = owners.put(d.deviceId(), run);
      if (previous != null && previous != run) {
        previous.supersede(d.deviceId(), run.id());
      }
    }
    runs.add(run);
  }

  /** On the serial executor: the run has its outcome. */
  void ended(Run run) {
    active.compareAndSet(run, null);
  }

  /** On the serial executor: nothing more to watch for this run. */
  void forget(Run run) {
    runs.remove(run);
    owners.values().removeIf(r -> r == run);
  }

  /** On the serial executor: the run watching a board. */
  Optional<DeviceDriver> driver(String deviceId) {
    return Optional.ofNullable(owners.get(deviceId)).flatMap(r -> r.driver(deviceId));
  }
}
