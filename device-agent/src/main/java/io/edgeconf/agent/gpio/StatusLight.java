package io.edgeconf.agent.gpio;

import io.edgeconf.agent.policy.PolicyService;
import io.edgeconf.hardware.GatewayHardware;
import io.edgeconf.hardware.StatusPattern;

/**
 * The gateway's status LED follows the agent (docs/hardware.md): steady when idle, slow blink while
 * a rollout runs, fast blink while rolling back, when degraded, and after a rollback until the next
 * rollout succeeds. Thread-safe.
 */
public final class StatusLight {
  private final GatewayHardware hardware;
  private final PolicyService service;

  public StatusLight(GatewayHardware hardware, PolicyService service) {
    this.hardware = hardware;
    this.service = service;
  }

  /** Shows the pattern of the agent's state now. */
  public synchronized void update() {
    StatusPattern p = pattern(service.gatewayState(), service.afterRollback());
    if (hardware.shown() != p) {
      hardware.show(p);
    }
  }

  /** The pattern of a gateway state. */
  static StatusPattern pattern(String gatewayState, boolean afterRollback) {
    return switch (gatewayState) {
      case "rolling_out", "validating" -> StatusPattern.SLOW_BLINK;
      case "rolling_back", "degraded" -> StatusPattern.FAST_BLINK;
      default -> afterRollback ? StatusPattern.FAST_BLINK : StatusPattern.STEADY;
    };
  }
}
