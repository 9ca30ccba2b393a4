package io.edgeconf.agent.policy;

/**
 * The life cycle of a policy on a gateway: {@code idle → validating → (rejected | switching) →
 * rolling_out → idle}, {@code rolling_back} for an operator's rollback, and {@code degraded} when
 * the active module cannot render (the gateway falls back to last-known-good).
 */
public enum PolicyPhase {
  IDLE,
  VALIDATING,
  REJECTED,
  SWITCHING,
  ROLLING_OUT,
  ROLLING_BACK,
  DEGRADED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
