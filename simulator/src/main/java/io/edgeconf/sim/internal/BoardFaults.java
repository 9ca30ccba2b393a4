package io.edgeconf.sim.internal;

import io.edgeconf.sim.Fault;
import io.edgeconf.sim.FaultKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The faults set on one board, at most one per kind. Thread-safe. */
public final class BoardFaults {
  private final ConcurrentMap<FaultKind, Fault> faults = new ConcurrentHashMap<>();

  /** Sets a fault, replacing one of the same kind. */
  public void set(Fault fault) {
    faults.put(fault.kind(), fault);
  }

  public void clear(FaultKind kind) {
    faults.remove(kind);
  }

  public void clearAll() {
    faults.clear();
  }

  public Optional<Fault> get(FaultKind kind) {
    return Optional.ofNullable(faults.get(kind));
  }

  public boolean has(FaultKind kind) {
    return faults.containsKey(kind);
  }

  /** Removes and returns a one-shot fault. */
  public Optional<Fault> take(FaultKind kind) {
    return Optional.ofNullable(faults.remove(kind));
  }

  /** The share of datagrams to drop (0 without a {@code loss} fault). */
  public int lossPercent() {
    Fault loss = faults.get(FaultKind.LOSS);
    return loss == null ? 0 : loss.percent().orElse(0);
  }

  /** The faults as SPEC items, in the order of the fault table. */
  public List<String> list() {
    return faults.values().stream()
        .sorted(Comparator.comparing(Fault::kind))
        .map(Fault::toString)
        .toList();
  }
}
