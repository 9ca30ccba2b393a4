package io.edgeconf.agent.waves;

import java.util.Objects;

/**
 * Where a rollout stands, as the {@code rollout} object of the agent's status document.
 *
 * @param rolloutId the rollout
 * @param policy its policy
 * @param kind deploy or operator's rollback
 * @param phase {@code canary}, {@code batch N} (from 1), {@code rollback} or {@code done}
 * @param total the boards of the plan
 * @param applied boards that acked the new image
 * @param confirmed boards healthy on the new image now
 * @param failed boards that failed the new image
 * @param offline boards waiting offline with the new image desired
 */
public record RolloutProgress(
    String rolloutId,
    String policy,
    RolloutKind kind,
    String phase,
    int total,
    int applied,
    int confirmed,
    int failed,
    int offline) {
  public RolloutProgress {
    Objects.requireNonNull(rolloutId, "rolloutId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(phase, "phase");
    if (total < 0 || applied < 0 || confirmed < 0 || failed < 0 || offline < 0) {
      throw new IllegalArgumentException("negative count in " + phase);
    }
  }
}
