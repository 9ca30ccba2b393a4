package io.edgeconf.bench;

import io.edgeconf.sim.BoardSnapshot;
import io.edgeconf.sim.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated boards of one fleet, started in steps of at most {@code ramp} boards (one {@link
 * Simulator} each, with its own id prefix), so that a large fleet does not announce itself to the
 * broker all at once. Faults apply to each step's share. Not thread-safe.
 */
final class SimFleet implements AutoCloseable {
  private final List<Simulator> steps = new ArrayList<>();

  void add(Simulator sim) {
    steps.add(sim);
  }

  List<BoardSnapshot> boards() {
    return steps.stream().flatMap(s -> s.boards().stream()).toList();
  }

  /** Sets faults (SPEC with targets) on every step. */
  void setFaults(String spec) {
    steps.forEach(s -> s.setFaults(spec));
  }

  /** Clears every fault of every board. */
  void clearFaults() {
    steps.forEach(s -> s.clearFaults(""));
  }

  String brokerUrl() {
    return steps.get(0).options().brokerUrl().orElseThrow();
  }

  @Override
  public void close() {
    steps.forEach(Simulator::close);
  }
}
