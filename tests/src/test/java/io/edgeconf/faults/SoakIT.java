package io.edgeconf.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, the soak: a mixed fleet of simulated ESP32 (MQTT) and nRF52840 (CoAP) boards takes a
 * baseline deploy and then a series of deploys, each with a random rollout block (canary,
 * max_failures, batch, health window), random faults on random boards (every simulator fault kind,
 * acting on the new image only, and power cuts) and random SIGKILLs of the agent (after a random
 * delay or on a random rollout event), the agent starting again on its state directory each time.
 * After each deploy reaches its outcome, every board runs the image that outcome gives it (the new
 * one, or its previous one when it failed or the deploy was rolled back; version and CRC), the
 * store's desired images agree, and the active module is the one the outcome leaves; at the end the
 * device entries agree too and the store's history lists every deploy with its outcome. The seed is
 * printed; {@code -Dsoak.seed=N} replays a run.
 */
class SoakIT {
  @TempDir Path dir;

  private static long seed(long fallback) {
    return Long.getLong("soak.seed", fallback);
  }

  /**
   * The default tier's soak: 20 boards, 8 deploys, at least two of them killing the agent. Its seed
   * is fixed so that CI runs the same plan every time; {@code -Dsoak.seed=N} explores others.
   */
  @Test
  void smallFleetEndsConsistentAfterRandomFaultsAndKills() throws Exception {
    var size = new SoakSize("small", 14, 6, 8, 2, 500);
    check(size, run(size, seed(20_261_122L)));
  }

  /** The full soak: 200 boards (150 ESP32, 50 nRF52840), 50 deploys. */
  @Test
  @Tag("slow")
  void fullFleetEndsConsistentAfterFiftyDeploysWithRandomFaultsAndKills() throws Exception {
    var size = new SoakSize("full", 150, 50, 50, 5, 1000);
    check(size, run(size, seed(System.currentTimeMillis())));
  }

  private List<StepResult> run(SoakSize size, long seed) throws Exception {
    try (var soak = new Soak(dir, size, seed)) {
      return soak.run();
    }
  }

  private static void check(SoakSize size, List<StepResult> results) {
    assertEquals(size.deploys() + 1, results.size());
    long killing = results.stream().filter(r -> !r.kills().isEmpty()).count();
    assertTrue(killing >= size.minKills(), killing + " deploys killed the agent");
  }
}
