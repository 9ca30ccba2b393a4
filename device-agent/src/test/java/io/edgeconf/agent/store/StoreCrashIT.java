package io.edgeconf.agent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.schema.Sha256;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child process that deploys in a loop with SIGKILL at {@value #KILLS} points (after a
 * random number of deploys, right after a "begin" line, so that many kills land inside a
 * transaction) and checks after each that the store opens whole: integrity check ok, the active
 * module the last completed one or a later one, its bytes matching its SHA-256, history and journal
 * consistent with the modules.
 */
class StoreCrashIT {
  static final int KILLS = 30;

  @TempDir Path dir;

  @Test
  void survivesSigkillAtEveryPoint() throws Exception {
    var random = new Random(42);
    long next = 1;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int kill = 0; kill < KILLS; kill++) {
      var process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  StoreCrashChild.class.getName(),
                  dir.toString(),
                  Long.toString(next))
              .redirectErrorStream(true)
              .start();
      long lastDone = next - 1;
      int begins = 1 + random.nextInt(4);
      try (var out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("done ")) {
            lastDone = Long.parseLong(line.substring(5));
          } else if (line.startsWith("begin ") && --begins == 0) {
            break;
          }
        }
        process.destroyForcibly(); // SIGKILL on Linux
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
      }
      next = check(lastDone) + 1;
    }
  }

  /** Checks the store after a kill; returns the active version. */
  private long check(long lastDone) throws Exception {
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AgentStore.FILE));
        var st = db.createStatement()) {
      var rs = st.executeQuery("PRAGMA integrity_check");
      rs.next();
      assertEquals("ok", rs.getString(1));
    }
    try (var store = AgentStore.open(dir, Clock.systemUTC())) {
      var policy = store.policy("crash");
      if (lastDone == 0 && policy.isEmpty()) {
        return 0;
      }
      var p = policy.orElseThrow();
      assertTrue(p.activeVersion() >= lastDone, "active " + p.activeVersion() + " < " + lastDone);
      assertEquals(p.activeVersion(), p.highestVersion());
      var active = store.module(p.active().orElseThrow()).orElseThrow();
      assertEquals(active.sha256(), Sha256.hex(active.bytes()));
      var modules = store.modules();
      assertEquals(p.activeVersion(), modules.size(), "one module per version, none missing");
      for (var m : modules) {
        assertEquals(m.sha256(), Sha256.hex(m.bytes()));
      }
      if (p.activeVersion() > 1) {
        assertEquals(p.activeVersion() - 1, p.lastKnownGoodVersion());
      }
      long activations =
          store.history(100_000).stream().filter(h -> h.event().equals("activated")).count();
      assertEquals(modules.size(), activations);
      assertEquals(modules.size(), store.rollouts(100_000).size());
      return p.activeVersion();
    }
  }
}
