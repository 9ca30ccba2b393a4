package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;

import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.testing.AgentChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway agent in a child JVM ({@link AgentChild}) on one state directory, SIGKILLed and
 * started again as often as a test likes; every run appends to one log file. Not thread-safe.
 */
final class AgentProcess implements AutoCloseable {
  private final List<String> command = new ArrayList<>();
  private final Path log;
  private Process process;
  private int starts;

  AgentProcess(AgentConfig c, Path log) {
    this.log = log;
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path")));
    command.add(AgentChild.class.getName());
    command.addAll(AgentChild.args(c));
  }

  /** Starts the agent and waits until it says it started. */
  void start() throws IOException {
    Files.createDirectories(log.getParent());
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    starts++;
    await()
        .atMost(Duration.ofMinutes(3))
        .until(() -> !process.isAlive() || startedLines() >= starts);
    if (!process.isAlive()) {
      throw new IllegalStateException("the agent exited with " + process.exitValue() + ": " + log);
    }
  }

  private long startedLines() throws IOException {
    try (var lines = Files.lines(log)) {
      return lines.filter(l -> l.equals("started")).count();
    }
  }

  /** SIGKILLs the agent and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the agent did not die");
    }
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
