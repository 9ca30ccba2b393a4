package io.edgeconf.faults;

import io.edgeconf.sim.FaultKind;
import io.edgeconf.sim.SimEvent;
import io.edgeconf.sim.SimEventListener;
import io.edgeconf.sim.Simulator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Simulator faults that belong to one image, as a config that breaks a board does: the simulator's
 * faults hold for every image, so a board that crashes after applying the new image would also
 * crash after its previous image is pushed back, and end on the new one. This listener clears a
 * board's fault as soon as the fault has acted on the deploy's image (rejected, ignored or torn it,
 * or reverted from it), and before an image of another version is applied: it runs on the board's
 * own worker, and the simulator emits {@code applied} before it looks at the crash and unhealthy
 * faults. It also records which boards' faults acted on the new image. Thread-safe.
 */
final class OneImageFaults implements SimEventListener {
  private record Armed(FaultKind kind, long version) {}

  private final Simulator sim;
  private final Map<String, Armed> armed = new ConcurrentHashMap<>();
  private final Set<String> fired = ConcurrentHashMap.newKeySet();

  OneImageFaults(Simulator sim) {
    this.sim = sim;
  }

  /** Sets a fault ({@code KIND[=PARAM]}) on a board for the image of {@code version}. */
  void arm(String id, String spec, long version) {
    String kind = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : spec;
    armed.put(id, new Armed(FaultKind.fromSpecName(kind).orElseThrow(), version));
    sim.setFault(id, spec);
  }

  /** Whether the board's fault acted on the image it was armed for. */
  boolean fired(String id) {
    return fired.contains(id);
  }

  /** Clears every fault still armed and forgets what fired. */
  void reset() {
    for (String id : armed.keySet()) {
      sim.clearFaults(id);
    }
    armed.clear();
    fired.clear();
  }

  @Override
  public void onEvent(SimEvent e) {
    Armed a = armed.get(e.deviceId());
    if (a == null) {
      return;
    }
    boolean ours = e.version() == a.version();
    switch (e.kind()) {
      case REJECTED, IGNORED, POWER_CUT -> {
        if (ours) {
          fired.add(e.deviceId());
          clear(e.deviceId(), a);
        }
      }
      case APPLIED -> {
        if (ours) {
          // crash-after-apply and unhealthy act right after this event: keep them until then.
          fired.add(e.deviceId());
        } else {
          clear(e.deviceId(), a);
        }
      }
      case REVERTED -> clear(e.deviceId(), a);
      default -> {}
    }
  }

  private void clear(String id, Armed a) {
    if (armed.remove(id, a)) {
      sim.clearFault(id, a.kind());
    }
  }
}
