package io.edgeconf.agent.policy;

import com.dylibso.chicory.wasm.Parser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.agent.AgentEvents;
import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.device.DeviceRegistry;
import io.edgeconf.agent.rollout.PlanBuilder;
import io.edgeconf.agent.rollout.RolloutPublisher;
import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.agent.sandbox.RenderOutcome;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.store.AgentStore;
import io.edgeconf.agent.store.DeviceRecord;
import io.edgeconf.agent.store.StoredModule;
import io.edgeconf.agent.vetting.ModuleRejectedException;
import io.edgeconf.agent.vetting.ModuleVetter;
import io.edgeconf.agent.vetting.RenderTarget;
import io.edgeconf.agent.vetting.VettedModule;
import io.edgeconf.agent.vetting.VettingContext;
import io.edgeconf.agent.waves.JournalEntry;
import io.edgeconf.agent.waves.JournalState;
import io.edgeconf.agent.waves.ModuleRef;
import io.edgeconf.agent.waves.Outcome;
import io.edgeconf.agent.waves.RolloutEngine;
import io.edgeconf.agent.waves.RolloutEvent;
import io.edgeconf.agent.waves.RolloutKind;
import io.edgeconf.agent.waves.RolloutPlan;
import io.edgeconf.agent.waves.RolloutProgress;
import io.edgeconf.agent.waves.RolloutResult;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.ModuleSignatureVerifier;
import io.edgeconf.bridge.module.WasmSections;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.bridge.schema.Sha256;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's policies: deploy (vet, hot-swap, roll out through the {@link RolloutEngine}), plan,
 * rollback, resume after a restart, and the serving of boards. One deploy or rollback at a time per
 * gateway: another one meanwhile is answered {@code busy} (it is not queued); read-only commands
 * ({@code plan}, {@code status}, ...) are always served. When a deploy's rollout ends {@link
 * Outcome#ROLLED_BACK} the policy's previous module becomes active again (the store switches it in
 * the transaction that journals the outcome; this class swaps the loaded module). Thread-safe.
 */
public final class PolicyService {
  private static final Logger log = LoggerFactory.getLogger(PolicyService.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ModuleVetter vetter;
  private final Sandbox sandbox;
  private final AgentStore store;
  private final DeviceRegistry devices;
  private final PolicyRegistry registry = new PolicyRegistry();
  private final RolloutEngine engine;
  private final RolloutPublisher publisher;
  private final Executor completions;
  private final Clock clock;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile AgentEvents events = AgentEvents.NONE;
  private volatile String gatewayState = "idle";
  private volatile boolean afterRollback;
  private volatile Consumer<String> onIdle = policy -> {};
  private volatile Runnable onStateChange = () -> {};
  private volatile List<JournalState> pendingResume = List.of();

  /**
   * @param engine the rollout engine, built over the store's journal and {@code publisher}
   * @param publisher the engine's observer
   * @param completions runs the work after a rollout ends (module switch, convergence)
   */
  public PolicyService(
      ModuleVetter vetter,
      Sandbox sandbox,
      AgentStore store,
      DeviceRegistry devices,
      RolloutEngine engine,
      RolloutPublisher publisher,
      Executor completions,
      Clock clock) {
    this.vetter = vetter;
    this.sandbox = sandbox;
    this.store = store;
    this.devices = devices;
    this.engine = engine;
    this.publisher = publisher;
    this.completions = completions;
    this.clock = clock;
    publisher.hook(this::onRolloutEvent);
  }

  /** Where events go (the management API). */
  public void events(AgentEvents sink) {
    this.events = sink;
    publisher.events(sink);
  }

  /** Called with a policy's name when its rollout has ended (convergence sweeps it). */
  public void onIdle(Consumer<String> listener) {
    this.onIdle = listener;
  }

  /** Called whenever {@link #gatewayState()} or {@link #afterRollback()} may have changed. */
  public void onStateChange(Runnable listener) {
    this.onStateChange = listener;
  }

  public PolicyRegistry registry() {
    return registry;
  }

  public DeviceRegistry devices() {
    return devices;
  }

  public AgentStore store() {
    return store;
  }

  /**
   * {@code idle}, {@code validating}, {@code rolling_out}, {@code rolling_back} or {@code
   * degraded}.
   */
  public String gatewayState() {
    return gatewayState;
  }

  /** Whether the last rollout ended in a rollback (threshold or operator's); cleared by success. */
  public boolean afterRollback() {
    return afterRollback;
  }

  /** Whether a deploy or rollback is being validated or rolled out now. */
  public boolean busy() {
    return busy.get();
  }

  /** The running rollout's progress, if any. */
  public Optional<RolloutProgress> runningRollout() {
    return engine.progress();
  }

  /**
   * Loads every policy's active module from the store (at start). A stored module that no longer
   * loads leaves its policy {@code degraded}, falling back to its last-known-good.
   */
  public void restore() {
    for (var p : store.policies()) {
      Optional<ActiveModule> loaded = p.active().flatMap(this::load);
      if (loaded.isEmpty() && p.active().isPresent()) {
        loaded = p.lastKnownGood().flatMap(this::load);
        registry.phase(p.name(), PolicyPhase.DEGRADED);
        gatewayState = "degraded";
        log.error(
            "policy {}: the active module cannot be loaded; serving last-known-good", p.name());
      }
      loaded.ifPresent(registry::swap);
    }
  }

  /**
   * Reads the journals left open by the last run (at start, before commands are served). While one
   * of them has not completed, deploys and rollbacks are answered {@code busy} until {@link
   * #resume()} has resumed it and it has ended.
   *
   * @return the boards those journals name (the agent waits for the transport to know them)
   */
  public java.util.Set<String> prepareResume() {
    List<JournalState> open = store.openJournals();
    pendingResume = open;
    if (open.stream().anyMatch(j -> j.outcome().isEmpty())) {
      busy.set(true);
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (JournalState j : open) {
      if (j.needsResume()) {
        j.plan().devices().forEach(d -> ids.add(d.deviceId()));
      }
    }
    return ids;
  }

  /**
   * Resumes every journal {@link #prepareResume()} read that needs it, oldest first, so that a
   * rollout or rollback interrupted by a crash finishes and every board ends on the image its
   * outcome gives it. Journals with nothing left to do are archived. Call once the transport runs
   * (and, ideally, knows the boards again) and the management API is up.
   */
  public void resume() {
    List<JournalState> open = pendingResume;
    pendingResume = List.of();
    boolean resumedRunning = false;
    for (JournalState state : open) {
      RolloutPlan plan = state.plan();
      if (state.outcome().isPresent()) {
        // A kill between the rollout's last step and its counts left them unrecorded.
        recordCounts(state.result());
      }
      if (!state.needsResume()) {
        store.archiveJournal(plan.rolloutId());
        continue;
      }
      publisher.known(plan);
      if (state.outcome().isPresent()) {
        log.info("rollout {}: boards still converging; watching them again", plan.rolloutId());
        engine.resume(state);
        continue;
      }
      if (resumedRunning) {
        log.error("rollout {} cannot resume: another rollout runs", plan.rolloutId());
        continue;
      }
      resumedRunning = true;
      log.warn("resuming rollout {} of {} after a restart", plan.rolloutId(), plan.policy());
      rolling(
          plan,
          plan.kind() == RolloutKind.ROLLBACK
              || state.entries().stream()
                  .anyMatch(e -> e.type() == JournalEntry.Type.ROLLBACK_STARTED));
      engine.resume(state).whenCompleteAsync((r, error) -> finished(plan, r, error), completions);
    }
    if (!resumedRunning && busy.get() && engine.progress().isEmpty()) {
      release();
    }
  }

  private Optional<ActiveModule> load(String sha) {
    try {
      return store.module(sha).map(this::program);
    } catch (RuntimeException e) {
      log.error("stored module {} cannot be loaded: {}", sha, e.getMessage());
      return Optional.empty();
    }
  }

  private ActiveModule program(StoredModule m) {
    byte[] bytes = m.bytes();
    var meta =
        ModuleMetadata.parse(
            WasmSections.parse(bytes).customContent(ModuleMetadata.SECTION).orElseThrow());
    var program = ModuleProgram.compiled(Parser.parse(bytes), sandbox.limits());
    if (!meta.selftest().isEmpty()) {
      try {
        sandbox.warmUp(program, meta.selftest().get(0).device());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new ActiveModule(m.sha256(), meta, program);
  }

  // ---- deploy

  /**
   * Vets a module and, when it passes, makes it its policy's active module and starts the rollout.
   * Returns as soon as the rollout has started.
   *
   * @throws ModuleRejectedException naming the failed check
   * @throws AgentException {@code busy} while another deploy or rollback runs
   */
  public DeployAccepted deploy(byte[] bytes, String source) throws InterruptedException {
    acquire();
    boolean handedOff = false;
    try {
      gatewayState = "validating";
      stateChanged();
      VettedModule v;
      try {
        v = vetter.vet(bytes, context());
      } catch (ModuleRejectedException e) {
        rejected(bytes, source, e);
        throw e;
      }
      registry.phase(v.policy(), PolicyPhase.SWITCHING);
      Optional<ModuleRef> previous =
          registry.active(v.policy()).map(a -> new ModuleRef(a.version(), a.sha256()));
      RolloutPlan plan =
          PlanBuilder.plan(
              newRolloutId(),
              RolloutKind.DEPLOY,
              v.metadata(),
              v.sha256(),
              previous,
              v.images(),
              devices::get,
              store);
      var stored =
          new StoredModule(
              v.sha256(), v.policy(), v.version(), v.bytes(), v.signer(), clock.instant());
      store.activate(stored, plan);
      registry.swap(new ActiveModule(v.sha256(), v.metadata(), v.program()));
      if (v.signer().isEmpty()) {
        log.warn(
            "UNSIGNED module {} v{} activated (allow-unsigned is on)", v.policy(), v.version());
      }
      log.info("policy {} v{} active ({} from {})", v.policy(), v.version(), v.sha256(), source);
      events.event(
          "module_activated",
          fields(
              "policy",
              v.policy(),
              "version",
              v.version(),
              "sha256",
              v.sha256(),
              "previous",
              previous.map(ModuleRef::version).orElse(null),
              "rollout",
              plan.rolloutId(),
              "source",
              source));
      startRollout(plan);
      handedOff = true;
      return new DeployAccepted(
          plan.rolloutId(),
          v.policy(),
          v.version(),
          v.sha256(),
          plan.devices().size(),
          v.signer().isPresent());
    } finally {
      if (!handedOff) {
        release();
      }
    }
  }

  private void rejected(byte[] bytes, String source, ModuleRejectedException e) {
    String sha = Sha256.hex(bytes);
    String policy = "";
    long version = 0;
    try {
      var meta =
          ModuleMetadata.parse(
              WasmSections.parse(bytes).customContent(ModuleMetadata.SECTION).orElseThrow());
      policy = meta.policy();
      version = meta.version();
      registry.phase(policy, PolicyPhase.REJECTED);
    } catch (RuntimeException ignored) {
      // A module whose metadata cannot be read is recorded without a policy.
    }
    log.warn(
        "module {} from {} rejected ({}): {}", sha, source, e.code().wireName(), e.getMessage());
    try {
      store.recordRejection(policy, version, sha, e.code().wireName() + ": " + e.getMessage());
    } catch (RuntimeException storeFailure) {
      log.error("cannot record the rejection: {}", storeFailure.getMessage());
    }
    events.event(
        "module_rejected",
        fields(
            "policy",
            policy.isEmpty() ? null : policy,
            "version",
            version == 0 ? null : version,
            "sha256",
            sha,
            "code",
            e.code().wireName(),
            "message",
            e.getMessage(),
            "source",
            source));
  }

  private void startRollout(RolloutPlan plan) {
    publisher.known(plan);
    rolling(plan, plan.kind() == RolloutKind.ROLLBACK);
    engine.start(plan).whenCompleteAsync((r, error) -> finished(plan, r, error), completions);
  }

  /** The policy and gateway state of a running rollout. */
  private void rolling(RolloutPlan plan, boolean back) {
    registry.phase(plan.policy(), back ? PolicyPhase.ROLLING_BACK : PolicyPhase.ROLLING_OUT);
    gatewayState = back ? "rolling_back" : "rolling_out";
    stateChanged();
  }

  /** On the engine's serial executor: a threshold rollback shows as {@code rolling_back}. */
  private void onRolloutEvent(RolloutEvent e) {
    if (e.type() == RolloutEvent.Type.ROLLBACK_STARTED && busy.get()) {
      registry.phase(e.policy(), PolicyPhase.ROLLING_BACK);
      gatewayState = "rolling_back";
      stateChanged();
    }
  }

  private void finished(RolloutPlan plan, RolloutResult result, Throwable error) {
    try {
      if (error != null || result == null) {
        log.error("rollout {} ended without an outcome: {}", plan.rolloutId(), error);
        return;
      }
      recordCounts(result);
      boolean back = result.outcome() == Outcome.ROLLED_BACK;
      if (back && plan.kind() == RolloutKind.DEPLOY) {
        restorePrevious(plan);
      }
      afterRollback = back || plan.kind() == RolloutKind.ROLLBACK;
      log.info(
          "rollout {} of {} v{}: {} {}",
          plan.rolloutId(),
          plan.policy(),
          plan.target().version(),
          result.outcome().wireName(),
          result.causes());
    } catch (RuntimeException e) {
      log.error("rollout {}: cannot finish: {}", plan.rolloutId(), e.toString());
    } finally {
      registry.phase(plan.policy(), PolicyPhase.IDLE);
      publisher.forget(plan.rolloutId());
      store.forgetPlan(plan.rolloutId());
      release();
      onIdle.accept(plan.policy());
    }
  }

  private void recordCounts(RolloutResult r) {
    int applied = 0;
    int failed = 0;
    for (var d : r.devices().values()) {
      switch (d.state()) {
        case SETTLED, CONFIRMED, APPLIED, ROLLED_BACK -> applied++;
        default -> {}
      }
      failed += d.cause().isPresent() ? 1 : 0;
    }
    try {
      store.finishRollout(
          r.plan().rolloutId(), r.outcome().wireName(), r.devices().size(), applied, failed);
    } catch (RuntimeException e) {
      log.error("cannot record the counts of rollout {}: {}", r.plan().rolloutId(), e.getMessage());
    }
  }

  /** A deploy rolled back: its policy's previous module is active again (the store did it). */
  private void restorePrevious(RolloutPlan plan) {
    Optional<ActiveModule> previous =
        plan.previous().flatMap(m -> store.module(m.sha256())).map(this::program);
    if (previous.isPresent()) {
      registry.swap(previous.get());
      log.warn(
          "policy {}: v{} rolled back; v{} is active again",
          plan.policy(),
          plan.target().version(),
          previous.get().version());
    } else {
      registry.remove(plan.policy());
      log.warn(
          "policy {}: v{} rolled back; no module is active",
          plan.policy(),
          plan.target().version());
    }
  }

  private void acquire() {
    if (!busy.compareAndSet(false, true)) {
      var r = engine.progress();
      throw new AgentException(
          ErrorCode.BUSY,
          r.isEmpty()
              ? "another module is being validated; try again when it is done"
              : "rollout "
                  + r.get().rolloutId()
                  + " of policy "
                  + r.get().policy()
                  + " is running; try again when it ends");
    }
  }

  private void release() {
    gatewayState = registry.phases().containsValue(PolicyPhase.DEGRADED) ? "degraded" : "idle";
    busy.set(false);
    stateChanged();
  }

  private void stateChanged() {
    events.statusChanged();
    onStateChange.run();
  }

  // ---- plan

  /**
   * What deploying this module would change on each device, field by field. Changes nothing.
   *
   * @throws ModuleRejectedException when the module would be refused
   */
  public ObjectNode plan(byte[] bytes) throws InterruptedException {
    VettedModule v = vetter.vet(bytes, context());
    PolicySchema schema = v.metadata().policySchema();
    PolicySchema oldSchema =
        registry.active(v.policy()).map(a -> a.metadata().policySchema()).orElse(null);
    ObjectNode answer = MAPPER.createObjectNode();
    answer.put("policy", v.policy()).put("version", v.version()).put("sha256", v.sha256());
    answer.put("signed", v.signer().isPresent());
    ArrayNode list = answer.putArray("devices");
    for (var e : v.images().entrySet()) {
      byte[] old = store.desiredImage(e.getKey()).orElse(null);
      list.add(PlanDiff.diff(e.getKey(), old, oldSchema, e.getValue(), schema));
    }
    RolloutPlan plan =
        PlanBuilder.plan(
            "plan",
            RolloutKind.DEPLOY,
            v.metadata(),
            v.sha256(),
            Optional.empty(),
            v.images(),
            devices::get,
            store);
    answer.set("rollout", WavesDocument.of(plan));
    return answer;
  }

  // ---- rollback

  /**
   * Makes a stored module of a policy active again (its last-known-good, or a given version) and
   * rolls its images out through the rollout engine (one wave, no threshold). Anti-downgrade does
   * not apply; the signature does.
   *
   * @throws AgentException {@code not_found}, {@code busy}, {@code signature} or {@code render}
   */
  public DeployAccepted rollback(String policy, OptionalLong version) throws InterruptedException {
    acquire();
    boolean handedOff = false;
    try {
      var state =
          store
              .policy(policy)
              .orElseThrow(
                  () ->
                      new AgentException(ErrorCode.NOT_FOUND, "no policy named '" + policy + "'"));
      StoredModule target;
      if (version.isPresent()) {
        target =
            store
                .module(policy, version.getAsLong())
                .orElseThrow(
                    () ->
                        new AgentException(
                            ErrorCode.NOT_FOUND,
                            "policy " + policy + " has no stored version " + version.getAsLong()));
      } else {
        target =
            state
                .lastKnownGood()
                .flatMap(store::module)
                .orElseThrow(
                    () ->
                        new AgentException(
                            ErrorCode.NOT_FOUND, "policy " + policy + " has no last-known-good"));
      }
      var sig = ModuleSignatureVerifier.verify(target.bytes(), vetter.settings().trustedKeys());
      if (!sig.isValid() && !vetter.settings().allowUnsigned()) {
        throw new AgentException(ErrorCode.SIGNATURE, "cannot roll back: " + sig.detail());
      }
      ActiveModule module = program(target);
      Map<String, byte[]> images = renderServed(module);
      Optional<ModuleRef> previous =
          registry.active(policy).map(a -> new ModuleRef(a.version(), a.sha256()));
      RolloutPlan plan =
          PlanBuilder.plan(
              newRolloutId(),
              RolloutKind.ROLLBACK,
              module.metadata(),
              target.sha256(),
              previous,
              images,
              devices::get,
              store);
      String rolloutId = plan.rolloutId();
      store.rollbackTo(target, plan);
      registry.swap(module);
      log.info("policy {} rolled back to v{} ({})", policy, target.version(), target.sha256());
      events.event(
          "module_activated",
          fields(
              "policy",
              policy,
              "version",
              target.version(),
              "sha256",
              target.sha256(),
              "rollout",
              rolloutId,
              "source",
              "rollback"));
      startRollout(plan);
      handedOff = true;
      return new DeployAccepted(
          rolloutId, policy, target.version(), target.sha256(), images.size(), sig.isValid());
    } finally {
      if (!handedOff) {
        release();
      }
    }
  }

  /** Renders every board a module serves; throws {@code render}/{@code timeout} on failure. */
  private Map<String, byte[]> renderServed(ActiveModule module) throws InterruptedException {
    Map<String, byte[]> images = new LinkedHashMap<>();
    for (RenderTarget t : servedBy(module.metadata())) {
      RenderOutcome out = sandbox.render(module.program(), t.device());
      if (out instanceof RenderOutcome.Rendered r
          && r.checked()
          && r.image().length <= t.capacity()) {
        images.put(t.device().id(), r.image());
      } else {
        throw new AgentException(
            out instanceof RenderOutcome.TimedOut ? ErrorCode.TIMEOUT : ErrorCode.RENDER,
            "device " + t.device().id() + ": " + out.describe());
      }
    }
    return images;
  }

  // ---- serving

  /** The vetting context over this gateway's state. */
  public VettingContext context() {
    return new VettingContext() {
      @Override
      public OptionalLong activeVersion(String policy) {
        return registry
            .active(policy)
            .map(a -> OptionalLong.of(a.version()))
            .orElse(OptionalLong.empty());
      }

      @Override
      public OptionalLong highestSeenVersion(String policy) {
        return store
            .policy(policy)
            .map(p -> OptionalLong.of(p.highestVersion()))
            .orElse(OptionalLong.empty());
      }

      @Override
      public List<RenderTarget> servedBy(ModuleMetadata candidate) {
        return PolicyService.this.servedBy(candidate);
      }
    };
  }

  /** The boards a module would serve if it were its policy's active one. */
  List<RenderTarget> servedBy(ModuleMetadata candidate) {
    var active = registry.metadataWith(candidate);
    List<RenderTarget> out = new ArrayList<>();
    for (DeviceRecord d : devices.all()) {
      var serving = Serving.resolve(d.attributes().board(), d.namedPolicy(), active);
      if (serving.servedBy(candidate.policy())) {
        out.add(new RenderTarget(d.attributes(), d.capacity()));
      }
    }
    return out;
  }

  /** How a device is served by the active modules now. */
  public Serving serving(DeviceRecord d) {
    return Serving.resolve(d.attributes().board(), d.namedPolicy(), registry.metadataWith(null));
  }

  private String newRolloutId() {
    return "r-"
        + clock.millis()
        + "-"
        + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  }

  /** An ordered map of the non-null pairs. */
  static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        m.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return m;
  }
}
