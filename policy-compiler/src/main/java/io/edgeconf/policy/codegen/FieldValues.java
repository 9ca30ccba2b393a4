package io.edgeconf.policy.codegen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the code generator knows about every field at one point of the rules: for each field either
 * the finite set of values it can hold there, or {@code null} when it is not known (a value that
 * depends on the device). Values are {@link Long} (integers, enum indexes), {@link Boolean} and
 * {@link String} (text). Immutable.
 */
final class FieldValues {
  /** The most values a set keeps before it becomes unknown. */
  static final int MAX_SET = 32;

  private final List<Set<Object>> sets;

  private FieldValues(List<Set<Object>> sets) {
    this.sets = sets;
  }

  /** Every field at its default. */
  static FieldValues defaults(List<Object> defaults) {
    List<Set<Object>> sets = new ArrayList<>();
    for (Object d : defaults) {
      sets.add(Set.of(d));
    }
    return new FieldValues(sets);
  }

  /** The values field {@code i} may hold, or null when unknown. */
  Set<Object> get(int i) {
    return sets.get(i);
  }

  /** The one value field {@code i} holds, or null when it may hold several or is unknown. */
  Object single(int i) {
    Set<Object> s = sets.get(i);
    return s != null && s.size() == 1 ? s.iterator().next() : null;
  }

  /** This state with field {@code i} holding {@code values} (null: unknown). */
  FieldValues with(int i, Set<Object> values) {
    List<Set<Object>> copy = new ArrayList<>(sets);
    copy.set(i, values == null || values.size() > MAX_SET ? null : Set.copyOf(values));
    return new FieldValues(copy);
  }

  /** The state after a branch that may or may not have run: every field may hold either. */
  FieldValues union(FieldValues other) {
    List<Set<Object>> merged = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      Set<Object> a = sets.get(i);
      Set<Object> b = other.sets.get(i);
      if (a == null || b == null) {
        merged.add(null);
      } else {
        Set<Object> u = new LinkedHashSet<>(a);
        u.addAll(b);
        merged.add(u.size() > MAX_SET ? null : u);
      }
    }
    return new FieldValues(merged);
  }

  int size() {
    return sets.size();
  }
}
