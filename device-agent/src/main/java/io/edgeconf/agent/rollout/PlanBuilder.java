package io.edgeconf.agent.rollout;

import io.edgeconf.agent.store.AgentStore;
import io.edgeconf.agent.store.DeviceRecord;
import io.edgeconf.agent.waves.DevicePlan;
import io.edgeconf.agent.waves.ModuleRef;
import io.edgeconf.agent.waves.RolloutKind;
import io.edgeconf.agent.waves.RolloutPlan;
import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.module.ModuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the rollout engine's plan from rendered images: each board's new image (rendered at
 * vetting, or for a rollback's target), its previous image (its desired image in the store) and
 * where it is. Stateless.
 */
public final class PlanBuilder {
  private PlanBuilder() {}

  /**
   * @param rolloutId the new rollout's id
   * @param kind deploy or operator's rollback
   * @param target the module whose images go out
   * @param previous the module active before, if any
   * @param settings the target's rollout block
   * @param images the new image of every board, by device id
   * @param device the known board of an id
   * @param store where each board's previous (desired) image is read
   * @throws IllegalArgumentException when an image names a board that is not known
   */
  public static RolloutPlan plan(
      String rolloutId,
      RolloutKind kind,
      ModuleMetadata target,
      String targetSha,
      Optional<ModuleRef> previous,
      Map<String, byte[]> images,
      Function<String, Optional<DeviceRecord>> device,
      AgentStore store) {
    List<DevicePlan> devices = new ArrayList<>();
    for (var e : images.entrySet()) {
      DeviceRecord d =
          device
              .apply(e.getKey())
              .orElseThrow(() -> new IllegalArgumentException("unknown device " + e.getKey()));
      devices.add(
          new DevicePlan(
              d.id(),
              d.attributes().board(),
              transport(d.transport()),
              e.getValue(),
              store.desiredImage(d.id()),
              d.online()));
    }
    devices.sort(java.util.Comparator.comparing(DevicePlan::deviceId));
    return new RolloutPlan(
        rolloutId,
        target.policy(),
        kind,
        new ModuleRef(target.version(), targetSha),
        previous,
        target.rollout(),
        devices);
  }

  static Transport transport(String wireName) {
    for (Transport t : Transport.values()) {
      if (t.wireName().equals(wireName)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown transport '" + wireName + "'");
  }
}
