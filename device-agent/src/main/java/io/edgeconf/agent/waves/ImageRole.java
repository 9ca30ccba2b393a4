package io.edgeconf.agent.waves;

/** Which of a board's two images a step is about. */
public enum ImageRole {
  /** The image the rollout brings. */
  NEW,
  /** The image the board had before the rollout (its revert target). */
  PREVIOUS,
  /** No image: a board that never had one, reverted by clearing its desired image. */
  NONE;

  /** The lower-case name used in JSON. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
