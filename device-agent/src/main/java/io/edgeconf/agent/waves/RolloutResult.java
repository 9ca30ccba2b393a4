package io.edgeconf.agent.waves;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a rollout ended. On {@link Outcome#ROLLED_BACK} the agent makes the previous module active
 * again and records the failed one.
 *
 * @param plan the plan
 * @param outcome the outcome
 * @param causes why it rolled back (empty when it succeeded)
 * @param devices every board of the plan, by id, in plan order
 */
public record RolloutResult(
    RolloutPlan plan, Outcome outcome, List<String> causes, Map<String, DeviceResult> devices) {
  public RolloutResult {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(outcome, "outcome");
    causes = List.copyOf(causes);
    devices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(devices));
  }

  /** The boards in a state. */
  public List<String> devicesIn(DeviceState state) {
    return devices.values().stream()
        .filter(d -> d.state() == state)
        .map(DeviceResult::deviceId)
        .toList();
  }

  /**
   * The image each board is to end on, by role; an operator can check that every board reports it.
   */
  public ImageRole imageOf(String deviceId) {
    DeviceResult d = devices.get(deviceId);
    if (d == null) {
      throw new IllegalArgumentException(
          "device " + deviceId + " is not in rollout " + plan.rolloutId());
    }
    return d.image();
  }
}
