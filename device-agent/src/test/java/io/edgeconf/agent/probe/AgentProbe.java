package io.edgeconf.agent.probe;

import com.dylibso.chicory.wasm.Parser;
import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.sandbox.SandboxLimits;
import io.edgeconf.agent.store.AgentStore;
import io.edgeconf.agent.store.StoredModule;
import io.edgeconf.agent.testing.Greenhouse;
import io.edgeconf.agent.vetting.ModuleVetter;
import io.edgeconf.agent.vetting.RenderTarget;
import io.edgeconf.agent.vetting.VettingContext;
import io.edgeconf.agent.vetting.VettingSettings;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.TrustedKeys;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;

/**
 * Prints the agent's figures: vet+activate of the greenhouse module (warm), render time per board
 * with the interpreter and the compiler, agent start time and idle heap. Run by hand: {@code java
 * -cp <test classpath> io.edgeconf.agent.probe.AgentProbe} from device-agent/.
 */
public final class AgentProbe {
  private AgentProbe() {}

  public static void main(String[] args) throws Exception {
    var key = Ed25519Keys.generate();
    byte[] module = Greenhouse.module(key, 7);
    var workers = Executors.newCachedThreadPool();
    var sandbox = new Sandbox(workers, SandboxLimits.DEFAULT);
    var vetter =
        new ModuleVetter(
            sandbox, VettingSettings.defaults(TrustedKeys.of(List.of(key.getPublic())), false));
    List<RenderTarget> boards = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      boards.add(
          new RenderTarget(DeviceAttributes.of(i % 2 == 0 ? "esp32" : "nrf52840", "b" + i), 1024));
    }
    VettingContext ctx = context(boards);
    Files.createDirectories(java.nio.file.Path.of("target", "probe"));
    var stateDir = Files.createTempDirectory(java.nio.file.Path.of("target", "probe"), "state");
    try (var store = AgentStore.open(stateDir, Clock.systemUTC())) {
      long[] vet = new long[30];
      for (int i = 0; i < vet.length; i++) {
        long t0 = System.nanoTime();
        var v = vetter.vet(module, ctx);
        store.activate(
            new StoredModule(
                v.sha256(),
                "greenhouse",
                v.version(),
                v.bytes(),
                v.signer(),
                java.time.Instant.now()),
            new io.edgeconf.agent.waves.RolloutPlan(
                "r" + i,
                "greenhouse",
                io.edgeconf.agent.waves.RolloutKind.DEPLOY,
                new io.edgeconf.agent.waves.ModuleRef(v.version(), v.sha256()),
                java.util.Optional.empty(),
                v.metadata().rollout(),
                java.util.List.of()));
        vet[i] = System.nanoTime() - t0;
      }
      System.out.printf(
          "vet+activate greenhouse (10 boards, warm): median %.1f ms%n", median(vet) / 1e6);
    }
    var parsed = Parser.parse(module);
    long c0 = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      ModuleProgram.compiled(parsed, SandboxLimits.DEFAULT);
    }
    System.out.printf("compile once (warm): %.1f ms%n", (System.nanoTime() - c0) / 5e6);
    for (var program :
        List.of(
            ModuleProgram.interpreted(parsed, SandboxLimits.DEFAULT),
            ModuleProgram.compiled(parsed, SandboxLimits.DEFAULT))) {
      var device = DeviceAttributes.of("nrf52840", "gh-nrf-07").withTags(List.of("heater"));
      for (int i = 0; i < 500; i++) {
        sandbox.render(program, device);
      }
      int n = 2000;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sandbox.render(program, device);
      }
      System.out.printf(
          "render per board, %s: %.1f us%n", program.engine(), (System.nanoTime() - t0) / 1e3 / n);
    }
    workers.shutdownNow();
    var agentDir = Files.createTempDirectory(java.nio.file.Path.of("target", "probe"), "agent");
    var config =
        AgentConfig.builder()
            .gatewayId("probe")
            .embeddedBroker(0)
            .stateDir(agentDir)
            .trustDir(agentDir.resolve("trust"))
            .coapPort(-1)
            .build();
    long s0 = System.nanoTime();
    try (var agent = new GatewayAgent(config)) {
      agent.start();
      System.out.printf(
          "agent start (embedded broker, no CoAP): %.0f ms%n", (System.nanoTime() - s0) / 1e6);
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      var rt = Runtime.getRuntime();
      System.out.printf(
          "idle heap after GC: %.1f MiB%n", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    }
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static VettingContext context(List<RenderTarget> boards) {
    return new VettingContext() {
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
        return boards;
      }
    };
  }
}
