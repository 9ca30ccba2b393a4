package io.edgeconf.sim.internal;

/** One of a board's two config slots in flash. */
public enum Slot {
  A,
  B;

  /** The other slot. */
  public Slot other() {
    return this == A ? B : A;
  }
}
