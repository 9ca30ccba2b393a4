package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;

import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.testing.AgentChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The parent's handle on one {@link KillPointAgent} child JVM: starts it, records its stdout lines
 * (also appended, with its stderr log, to a log file), arms its step counter and SIGKILLs it. Not
 * thread-safe beyond the line list, which a reader thread fills.
 */
final class KillPointProcess {
  static final Duration LONG = Duration.ofSeconds(120);

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private KillPointProcess(Process process, Path log) {
    this.process = process;
    Thread.ofVirtual()
        .name("kill-point-agent-stdout")
        .start(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                  lines.add(l);
                  Files.writeString(
                      log,
                      "[stdout] " + l + "\n",
                      StandardOpenOption.CREATE,
                      StandardOpenOption.APPEND);
                }
              } catch (IOException e) {
                // The process was killed.
              }
            });
  }

  /** Starts an agent with these settings and waits until it prints {@code started}. */
  static KillPointProcess start(AgentConfig c, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp"));
    command.add(System.getProperty("java.class.path"));
    command.add(KillPointAgent.class.getName());
    command.addAll(AgentChild.args(c));
    Process p =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    var agent = new KillPointProcess(p, log);
    try {
      agent.awaitLine(l -> l.equals("started"));
    } catch (RuntimeException e) {
      p.destroyForcibly();
      throw new AssertionError("the agent did not start (store not opened?); see " + log, e);
    }
    return agent;
  }

  /** Arms the step counter ({@link StepCounter#arm}) and waits for its {@code armed} line. */
  void arm(int killAt) throws IOException {
    int before = lines.size();
    OutputStream in = process.getOutputStream();
    in.write(("arm " + killAt + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    await()
        .atMost(LONG)
        .until(() -> lines.subList(before, lines.size()).contains("armed " + killAt));
  }

  /** Waits for a stdout line and returns it. */
  String awaitLine(Predicate<String> which) {
    await().atMost(LONG).until(() -> !process.isAlive() || lines.stream().anyMatch(which));
    return lines.stream()
        .filter(which)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the agent exited with " + process.exitValue()));
  }

  /** The {@code change N …} lines' descriptions since the last {@code armed} line, in order. */
  List<String> changes() {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("armed ")) {
        out.clear();
      } else if (l.startsWith("change ")) {
        out.add(l.substring(l.indexOf(' ', 7) + 1));
      }
    }
    return out;
  }

  /** The {@code frozen N …} line, if the agent froze. */
  Optional<String> frozen() {
    return lines.stream().filter(l -> l.startsWith("frozen ")).findFirst();
  }

  /** SIGKILLs the process and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the agent survived SIGKILL");
    }
  }
}
