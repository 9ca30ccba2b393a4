package io.edgeconf.policy.proof;

import io.edgeconf.policy.model.CmpOp;
import io.edgeconf.policy.model.FwVersion;

/** A yes/no fact about a device that the proof decides exactly. */
sealed interface Atom {
  /** {@code key == value}: key is {@code board}, {@code zone}, {@code id} or {@code attr:K}. */
  record StrEq(String key, String value) implements Atom {}

  /** The device carries the tag. */
  record HasTag(String tag) implements Atom {}

  /** {@code fw OP version}. */
  record Fw(CmpOp op, FwVersion version) implements Atom {}
}
