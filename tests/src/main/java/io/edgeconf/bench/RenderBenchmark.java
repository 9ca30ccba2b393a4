package io.edgeconf.bench;

import com.dylibso.chicory.wasm.Parser;
import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.agent.sandbox.RenderOutcome;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.sandbox.SandboxLimits;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.Ed25519Keys;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * Renders per second of the greenhouse module for one board (an nRF52840 with a heater tag and a
 * room attribute, so three rules fire) through the agent's {@link Sandbox}: a fresh instance per
 * call, the call on a sandbox worker with its CPU-time deadline, {@code ec_check}, the host's
 * bounds checks. {@code engine} is Chicory's interpreter or its runtime compiler ({@link
 * ModuleProgram#interpreted}/{@link ModuleProgram#compiled}); one calling thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
  @Param({"interpreted", "compiled"})
  public String engine;

  private ExecutorService workers;
  private Sandbox sandbox;
  private ModuleProgram program;
  private DeviceAttributes device;

  @Setup
  public void setUp() throws InterruptedException {
    byte[] module = BenchKeys.signedModule(Examples.policy("greenhouse"), Ed25519Keys.generate());
    var parsed = Parser.parse(module);
    program =
        engine.equals("compiled")
            ? ModuleProgram.compiled(parsed, SandboxLimits.DEFAULT)
            : ModuleProgram.interpreted(parsed, SandboxLimits.DEFAULT);
    workers = Executors.newCachedThreadPool();
    sandbox = new Sandbox(workers, SandboxLimits.DEFAULT);
    device =
        DeviceAttributes.of("nrf52840", "gh-nrf-07")
            .withTags(List.of("heater"))
            .withAttrs(java.util.Map.of("room", "east-2"));
    if (!(sandbox.warmUp(program, device) instanceof RenderOutcome.Rendered)) {
      throw new IllegalStateException("greenhouse does not render for " + device);
    }
  }

  @Benchmark
  public RenderOutcome render() throws InterruptedException {
    return sandbox.render(program, device);
  }

  @TearDown
  public void tearDown() {
    workers.shutdownNow();
  }
}
