package io.edgeconf.agent.waves;

import java.util.Optional;

/**
 * What the journal says of one board: its state and the facts resume needs. Mutable, confined to
 * the engine's serial executor (or to one {@link Ledger} fold).
 */
final class Track {
  final DevicePlan plan;
  DeviceState state = DeviceState.WAITING;

  /** Acked or failed the new image at least once: counts as tried for the threshold. */
  boolean tried;

  Optional<FailureCause> cause = Optional.empty();
  String detail = "";
  boolean resetPulsed;
  boolean recovered;

  Track(DevicePlan plan) {
    this.plan = plan;
  }

  String id() {
    return plan.deviceId();
  }

  /** Failed the new image (reverting or final). */
  boolean failedNew() {
    return cause.isPresent();
  }

  /** Decided for the threshold: settled, or failed. */
  boolean hasVerdict() {
    return state == DeviceState.SETTLED || failedNew();
  }
}
