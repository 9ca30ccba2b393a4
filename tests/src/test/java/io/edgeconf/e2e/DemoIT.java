package io.edgeconf.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeconf.cli.EdgeconfCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code edgeconf demo --json} run in-process through picocli: it exits 0, its final table lists
 * every simulated board back on v7 after the rollback of v8, and it leaves no thread and no
 * temporary directory behind.
 */
class DemoIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> BOARDS =
      List.of(
          "gh-esp32-001",
          "gh-esp32-002",
          "gh-esp32-003",
          "gh-esp32-004",
          "gh-esp32-005",
          "gh-esp32-006",
          "gh-nrf52840-001",
          "gh-nrf52840-002",
          "gh-nrf52840-003",
          "gh-nrf52840-004");

  @Test
  void demoRollsOutV7RollsBackV8AndLeavesNothingRunning() throws IOException {
    Set<Thread> before = nonDaemonThreads();
    Set<Path> tempBefore = demoTempDirs();
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = EdgeconfCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int status = cli.execute("demo", "--json");

    assertEquals(0, status, () -> "demo failed:\n" + out + "\n" + err);
    List<JsonNode> events = parse(out.toString());
    JsonNode result =
        events.stream()
            .filter(e -> e.path("event").asText().equals("demo_result"))
            .findFirst()
            .orElse(null);
    assertNotNull(result, () -> "no demo_result line in:\n" + out);
    assertTrue(result.path("ok").asBoolean(), result::toString);
    var table = new TreeMap<String, JsonNode>();
    result.path("boards").forEach(b -> table.put(b.path("device").asText(), b));
    assertEquals(BOARDS, List.copyOf(table.keySet()), "every board is in the table");
    table.forEach(
        (id, row) -> {
          assertEquals(7, row.path("running").asLong(), id + " runs v7: " + row);
          assertEquals(7, row.path("desired").asLong(), id + " is meant to run v7: " + row);
        });
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    e.path("event").asText().equals("rollout_completed")
                        && e.path("version").asLong() == 8),
        "v8 was deployed");
    assertTrue(
        events.stream().anyMatch(e -> e.path("event").asText().equals("rollback_started")),
        "v8 was rolled back");

    await("the demo's threads end")
        .atMost(Duration.ofSeconds(20))
        .pollInSameThread()
        .untilAsserted(() -> assertEquals(Set.of(), names(leftOver(before))));
    assertEquals(tempBefore, demoTempDirs(), "the demo's temporary directory is deleted");
  }

  private static List<JsonNode> parse(String out) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        events.add(MAPPER.readTree(line));
      }
    }
    return events;
  }

  private static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .collect(Collectors.toSet());
  }

  private static Set<Thread> leftOver(Set<Thread> before) {
    Set<Thread> now = nonDaemonThreads();
    now.removeAll(before);
    return now;
  }

  private static Set<String> names(Set<Thread> threads) {
    return threads.stream().map(Thread::getName).collect(Collectors.toSet());
  }

  private static Set<Path> demoTempDirs() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("edgeconf-demo-"))
          .collect(Collectors.toSet());
    }
  }
}
