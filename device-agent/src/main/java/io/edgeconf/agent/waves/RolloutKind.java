package io.edgeconf.agent.waves;

/** Why a rollout runs. */
public enum RolloutKind {
  /**
   * A deploy: canary, then batches; a failed board is reverted, and too many failures roll every
   * board back to its previous image.
   */
  DEPLOY,
  /**
   * An operator's rollback toward given images (last-known-good or a stored module): one wave, no
   * threshold (there is nothing further to go back to); a board that fails is recorded as failed.
   */
  ROLLBACK;

  /** The lower-case name used in JSON. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
