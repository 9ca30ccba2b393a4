package io.edgeconf.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The agent as a child JVM ({@code io.edgeconf.cli.EdgeconfCommand agent ...}) on the harness's own
 * class path, with a heap limit and a GC log, its output in {@code agent.log} beside the state
 * directory. Closing sends SIGTERM (the agent stops cleanly), then kills it after 10 s.
 */
final class ChildAgent implements AgentHandle {
  /** The GC log's name in the run's directory. */
  static final String GC_LOG = "agent-gc.log";

  private final Process process;
  private final String heap;

  private ChildAgent(Process process, String heap) {
    this.process = process;
    this.heap = heap;
  }

  static ChildAgent start(AgentSpec spec, String heap, Path dir) throws IOException {
    Path gcLog = dir.resolve(GC_LOG);
    List<String> cmd = new ArrayList<>();
    cmd.add(JvmProbe.java().toString());
    cmd.add("-Xmx" + heap);
    cmd.add("-Xlog:gc:file=" + gcLog);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.edgeconf.cli.EdgeconfCommand");
    cmd.add("agent");
    cmd.addAll(List.of("--gateway", spec.gateway()));
    if (spec.embeddedPort().isPresent()) {
      cmd.add("--embedded-broker=" + spec.embeddedPort().getAsInt());
    } else {
      cmd.addAll(List.of("--broker", spec.brokerUrl()));
    }
    cmd.addAll(List.of("--state-dir", spec.stateDir().toString()));
    cmd.addAll(List.of("--trust-dir", spec.trustDir().toString()));
    cmd.addAll(List.of("--coap-port", Integer.toString(spec.coapPort())));
    cmd.addAll(List.of("--set", "device-topic-root=" + spec.topicRoot()));
    var process =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("agent.log").toFile())
            .start();
    return new ChildAgent(process, heap);
  }

  @Override
  public OptionalLong pid() {
    return OptionalLong.of(process.pid());
  }

  @Override
  public String describe() {
    return "child JVM pid " + process.pid() + ", -Xmx" + heap;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
