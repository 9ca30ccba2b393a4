package io.edgeconf.sim.internal;

import io.edgeconf.sim.SimEvent;
import io.edgeconf.sim.SimulatorOptions;
import java.util.function.Consumer;

/**
 * What every board shares: the options, the threads and where events go.
 *
 * @param options the simulator's options
 * @param threads the shared threads
 * @param events receives every board's events
 */
public record BoardContext(
    SimulatorOptions options, SimThreads threads, Consumer<SimEvent> events) {
  public BoardContext {
    if (options == null || threads == null || events == null) {
      throw new IllegalArgumentException("a board context needs options, threads and events");
    }
  }
}
