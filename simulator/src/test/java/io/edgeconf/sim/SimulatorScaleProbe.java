package io.edgeconf.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * Starts N boards (half ESP32 on the broker, half nRF52840 on CoAP) and prints platform threads,
 * heap used and start time, for BENCHMARKS.md. Usage: {@code SimulatorScaleProbe [N...]} (default
 * 10 100 1000), with {@code -Xmx1g}; needs Mosquitto on 127.0.0.1:1883.
 */
public final class SimulatorScaleProbe {
  private SimulatorScaleProbe() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {10, 100, 1000} : parse(args);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.printf(
        "java %s, max heap %d MiB, %d cores%n",
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    System.out.println("boards | start (s) | platform threads | heap used (MiB, after GC)");
    for (int n : sizes) {

      long t0 = System.nanoTime();
      try (Simulator sim =
          Simulator.start(
              SimulatorOptions.builder()
                  .broker("tcp://127.0.0.1:1883")
                  .boards("esp32", n / 2)
                  .boards("nrf52840", n - n / 2)
                  .idPrefix(Ids.prefix("probe"))
                  .clearRetainedOnClose(true)
                  .startTimeout(Duration.ofMinutes(3))
                  .build())) {
        double startS = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(5000); // let a couple of health rounds run
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed() >> 20;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        System.out.printf("%6d | %9.2f | %16d | %d%n", n, startS, threads, heap);
      }
      System.gc();
    }
  }

  private static int[] parse(String[] args) {
    int[] out = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = Integer.parseInt(args[i]);
    }
    return out;
  }
}
