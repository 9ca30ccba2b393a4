package io.edgeconf.bench;

import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.sandbox.SandboxLimits;
import io.edgeconf.agent.store.AgentStore;
import io.edgeconf.agent.store.StoredModule;
import io.edgeconf.agent.vetting.ModuleVetter;
import io.edgeconf.agent.vetting.RenderTarget;
import io.edgeconf.agent.vetting.VettedModule;
import io.edgeconf.agent.vetting.VettingContext;
import io.edgeconf.agent.vetting.VettingSettings;
import io.edgeconf.agent.waves.ModuleRef;
import io.edgeconf.agent.waves.RolloutKind;
import io.edgeconf.agent.waves.RolloutPlan;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Vet + activate of the signed greenhouse module, as the agent does it for a deploy: every vetting
 * check of module-abi.md (parse, structure, signature, metadata, self-test replay on the
 * interpreter, runtime compilation and the render check of the served boards), then the store's
 * activation transaction (SQLite, WAL, synchronous=FULL) in a temporary directory. {@code vet}
 * alone leaves the store out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VetActivateBenchmark {
  /** How many boards the render check renders (half ESP32, half nRF52840). */
  @Param({"10"})
  public int boards;

  private ExecutorService workers;
  private ModuleVetter vetter;
  private VettingContext context;
  private AgentStore store;
  private Path stateDir;
  private byte[] module;
  private int rollouts;

  @Setup
  public void setUp() throws IOException {
    var key = Ed25519Keys.generate();
    module = BenchKeys.signedModule(Examples.policy("greenhouse"), key);
    workers = Executors.newCachedThreadPool();
    var sandbox = new Sandbox(workers, SandboxLimits.DEFAULT);
    vetter =
        new ModuleVetter(
            sandbox, VettingSettings.defaults(TrustedKeys.of(List.of(key.getPublic())), false));
    List<RenderTarget> targets = new ArrayList<>();
    for (int i = 0; i < boards; i++) {
      String board = i % 2 == 0 ? "esp32" : "nrf52840";
      targets.add(new RenderTarget(DeviceAttributes.of(board, "bench-" + i), 1024));
    }
    context = new FixedContext(targets);
    stateDir = Files.createTempDirectory("edgeconf-bench-store-");
    store = AgentStore.open(stateDir, Clock.systemUTC());
  }

  @Benchmark
  public VettedModule vet() throws InterruptedException {
    return vetter.vet(module, context);
  }

  @Benchmark
  public Object vetAndActivate() throws InterruptedException {
    VettedModule v = vetter.vet(module, context);
    var stored =
        new StoredModule(v.sha256(), v.policy(), v.version(), v.bytes(), v.signer(), Instant.now());
    var plan =
        new RolloutPlan(
            "bench-" + rollouts++,
            v.policy(),
            RolloutKind.DEPLOY,
            new ModuleRef(v.version(), v.sha256()),
            Optional.empty(),
            v.metadata().rollout(),
            List.of());
    return store.activate(stored, plan);
  }

  @TearDown
  public void tearDown() throws IOException {
    store.close();
    workers.shutdownNow();
    try (Stream<Path> files = Files.walk(stateDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The agent's view for vetting: no active version, these boards served. */
  private record FixedContext(List<RenderTarget> targets) implements VettingContext {
    @Override
    public OptionalLong activeVersion(String policy) {
      return OptionalLong.empty();
    }

    @Override
    public OptionalLong highestSeenVersion(String policy) {
      return OptionalLong.empty();
    }

    @Override
    public List<RenderTarget> servedBy(ModuleMetadata candidate) {
      return targets;
    }
  }
}
