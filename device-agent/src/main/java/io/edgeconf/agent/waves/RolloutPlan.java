package io.edgeconf.agent.waves;

import io.edgeconf.bridge.module.ModuleMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a rollout needs, fixed when it starts (and journaled with it).
 *
 * @param rolloutId the rollout's id, unique in the agent
 * @param policy the policy name
 * @param kind a deploy, or an operator's rollback
 * @param target the module whose images are rolled out
 * @param previous the module that was active before, empty on a policy's first deploy
 * @param settings the policy's rollout block
 * @param devices the boards, each once; may be empty
 */
public record RolloutPlan(
    String rolloutId,
    String policy,
    RolloutKind kind,
    ModuleRef target,
    Optional<ModuleRef> previous,
    ModuleMetadata.Rollout settings,
    List<DevicePlan> devices) {
  public RolloutPlan {
    if (rolloutId == null || !rolloutId.matches("[A-Za-z0-9._:-]{1,128}")) {
      throw new IllegalArgumentException("rolloutId '" + rolloutId + "' is not a valid id");
    }
    if (policy == null || policy.isEmpty()) {
      throw new IllegalArgumentException("policy must not be empty");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    previous = previous == null ? Optional.empty() : previous;
    Objects.requireNonNull(settings, "settings");
    devices = List.copyOf(devices);
    var ids = new HashSet<String>();
    for (DevicePlan d : devices) {
      if (!ids.add(d.deviceId())) {
        throw new IllegalArgumentException("device " + d.deviceId() + " is planned twice");
      }
    }
  }

  /**
   * The waves this plan is taken in, by device id: the canary first, then the batches (one wave for
   * an operator's rollback). Deterministic: {@code plan} answers the same waves a rollout forms.
   */
  public java.util.List<java.util.List<String>> waves() {
    return WavePlanner.waves(this);
  }

  /** The plan of one device. */
  public Optional<DevicePlan> device(String deviceId) {
    return devices.stream().filter(d -> d.deviceId().equals(deviceId)).findFirst();
  }
}
