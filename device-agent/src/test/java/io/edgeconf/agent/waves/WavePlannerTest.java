package io.edgeconf.agent.waves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.edgeconf.bridge.module.ModuleMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class WavePlannerTest {
  @Test
  void theCanaryIsAPercentageAtLeastOneAndCoversEveryOnlineBoardType() {
    Fixture fx = new Fixture();
    for (int i = 10; i < 30; i++) {
      fx.board("esp-" + i, "esp32");
    }
    fx.board("nrf-1", "nrf52840");
    fx.board("nrf-2", "nrf52840");
    fx.offline("nrf-1", "esp-10");
    fx.rollout = new ModuleMetadata.Rollout(10, 5, 1000, 5);
    List<List<String>> waves = WavePlanner.waves(fx.plan("r"));
    // 22 boards: ceil(2.2) = 3; online ones first: esp-11 (first esp32 online), nrf-2.
    assertEquals(List.of("esp-11", "nrf-2", "esp-12"), waves.get(0));
    assertEquals(5, waves.get(1).size());
    assertEquals(22, waves.stream().mapToInt(List::size).sum());
    assertFalse(waves.get(0).contains("nrf-1"));
    // Offline boards go last.
    List<String> last = waves.get(waves.size() - 1);
    assertEquals(List.of("esp-10", "nrf-1"), last.subList(last.size() - 2, last.size()));
  }

  @Test
  void zeroPercentStillMakesOneCanaryAndBatchZeroMeansAllAtOnce() {
    Fixture fx = new Fixture();
    for (int i = 1; i <= 4; i++) {
      fx.board("esp-" + i, "esp32");
    }
    fx.rollout = new ModuleMetadata.Rollout(0, 5, 1000, 0);
    assertEquals(
        List.of(List.of("esp-1"), List.of("esp-2", "esp-3", "esp-4")),
        WavePlanner.waves(fx.plan("r")));
  }
}
