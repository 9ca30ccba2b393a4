package io.edgeconf.bench;

import io.edgeconf.policy.Compilation;
import io.edgeconf.policy.ModuleCompiler;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole compiler on each example policy (parse, check, proof over rule combinations, self-test
 * search, WASM emission), unsigned, from the source bytes. The policies are read once from {@code
 * examples/} (see {@link Examples}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyCompileBenchmark {
  @Param({"greenhouse", "cold_chain", "lighting", "pump_station"})
  public String policy;

  private byte[] source;

  @Setup
  public void setUp() {
    source = Examples.policy(policy).getBytes(StandardCharsets.UTF_8);
    if (!ModuleCompiler.compile(policy + ".policy", source, null).ok()) {
      throw new IllegalStateException(policy + ".policy does not compile");
    }
  }

  @Benchmark
  public Compilation compile() {
    return ModuleCompiler.compile(policy + ".policy", source, null);
  }
}
