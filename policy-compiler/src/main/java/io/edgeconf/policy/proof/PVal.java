package io.edgeconf.policy.proof;

/**
 * A value as the proof knows it on one path: exactly, as an undecided attribute, as an integer
 * range, or as an undecided bool.
 */
sealed interface PVal {
  /** An exact value: Long (ints, enum indexes), Boolean, String (strings, boards), FwVersion. */
  record Known(Object value) implements PVal {}

  /**
   * The value of an attribute the path has not pinned: {@code board}, {@code zone}, {@code id},
   * {@code fw}, {@code attr:K}.
   */
  record AttrRef(String key) implements PVal {}

  /**
   * An integer that depends on {@code num()}: somewhere in {@code lo..hi}.
   *
   * @param reason what it depends on, e.g. {@code num("floor", 0)}
   */
  record Range(long lo, long hi, String reason) implements PVal {}

  /**
   * An undecided bool: {@code atom} (or its negation when {@code positive} is false) when it is a
   * device fact the proof can split on; null when it depends on something opaque ({@code reason}).
   */
  record Maybe(Atom atom, boolean positive, String reason) implements PVal {}
}
