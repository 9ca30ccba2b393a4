package io.edgeconf.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

/** 200 boards in one process, on a bounded number of platform threads. */
class ScaleIT {
  @Test
  void twoHundredBoardsRunOnAFewThreads() throws Exception {
    int before = ManagementFactory.getThreadMXBean().getThreadCount();
    String prefix = Ids.prefix("sc");
    try (MqttFixture f =
            new MqttFixture(
                SimulatorOptions.builder()
                    .boards("esp32", 50)
                    .boards("esp32c3", 50)
                    .boards("nrf52840", 100)
                    .idPrefix(prefix)
                    .zones(java.util.List.of("north", "south"))
                    .tags(TagFractions.parse("heater:0.1")));
        CoapProbe coap = new CoapProbe()) {
      assertEquals(200, f.sim.boards().size());
      assertTrue(f.sim.boards().stream().allMatch(BoardSnapshot::online));
      int threads = ManagementFactory.getThreadMXBean().getThreadCount() - before;
      assertTrue(threads < 40, threads + " more platform threads for 200 boards");

      String esp = prefix + "-esp32c3-050";
      f.push(esp, Greenhouse.esp());
      assertTrue(f.awaitAck(esp, 1).applied());
      String nrf = prefix + "-nrf52840-100";
      assertEquals(
          ResponseCode.CHANGED,
          coap.push(f.sim.coapAddress(nrf).orElseThrow(), Greenhouse.nrf()).getCode());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> f.health(prefix + "-esp32-001").size() >= 2);
    }
  }
}
