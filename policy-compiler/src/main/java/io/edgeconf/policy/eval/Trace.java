package io.edgeconf.policy.eval;

import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * One rendering with its inner workings, for choosing self-test devices.
 *
 * @param result the image or error
 * @param fired the indexes of the rules whose condition held (up to an arithmetic error)
 * @param values the field values after the rules (Long, enum index as Long, Boolean, String)
 */
public record Trace(RenderResult result, BitSet fired, List<Object> values) {
  public Trace {
    fired = (BitSet) fired.clone();
    values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }

  @Override
  public BitSet fired() {
    return (BitSet) fired.clone();
  }

  /** Whether rule {@code index} fired. */
  public boolean firedRule(int index) {
    return fired.get(index);
  }
}
