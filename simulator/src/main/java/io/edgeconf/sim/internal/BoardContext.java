package io.edgeconf.sim.internal;

import io.edgeconf.sim.SimEvent;
import io.edgeconf.sim.SimulatorOptions;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every board shares: the options, the threads, the broker's clients and where events go.
 *
 * @param options the simulator's options
 * @param threads the shared threads
 * @param broker makes the MQTT clients of the options' broker; empty without a broker
 * @param events receives every board's events
 */
public record BoardContext(
    SimulatorOptions options,
    SimThreads threads,
    Optional<BrokerClients> broker,
    Consumer<SimEvent> events) {
  public BoardContext {
    if (options == null || threads == null || broker == null || events == null) {
      throw new IllegalArgumentException(
          "a board context needs options, threads, a broker (or none) and events");
    }
  }
}
