package io.edgeconf.policy.codegen;

import io.edgeconf.policy.model.Assignment;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.FieldDecl;
import io.edgeconf.policy.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Follows the field values through the rules at compile time: which rules can never fire, which
 * always fire, which fields vary (and so need a local at render time), and what every field may
 * hold after the last rule. Immutable once built.
 */
final class RuleFlow {
  /** How a rule's condition stands at compile time. */
  enum Fires {
    NEVER,
    ALWAYS,
    SOMETIMES
  }

  private final List<FieldValues> before = new ArrayList<>();
  private final List<Fires> fires = new ArrayList<>();
  private final boolean[] varies;
  private final FieldValues after;

  RuleFlow(CheckedPolicy policy) {
    List<Object> defaults = new ArrayList<>();
    for (FieldDecl f : policy.fields()) {
      defaults.add(f.spec().type().isRanged() ? f.defaultValue() : normalise(f));
    }
    varies = new boolean[defaults.size()];
    FieldValues state = FieldValues.defaults(defaults);
    for (Rule rule : policy.rules()) {
      before.add(state);
      Set<Object> cond = ValueSets.of(rule.condition(), state);
      Fires f =
          cond == null || cond.size() > 1
              ? Fires.SOMETIMES
              : (Boolean) cond.iterator().next() ? Fires.ALWAYS : Fires.NEVER;
      fires.add(f);
      if (f == Fires.NEVER) {
        continue;
      }
      FieldValues inner = state;
      for (Assignment a : rule.assignments()) {
        inner = inner.with(a.fieldIndex(), ValueSets.of(a.value(), inner));
        note(inner);
      }
      state = f == Fires.ALWAYS ? inner : state.union(inner);
      note(state);
    }
    after = state;
  }

  /** Defaults in the representation of {@link ValueSets}: bools and texts as is, enums by index. */
  private static Object normalise(FieldDecl f) {
    return switch (f.spec().type()) {
      case ENUM -> f.defaultBits();
      default -> f.defaultValue();
    };
  }

  private void note(FieldValues state) {
    for (int i = 0; i < varies.length; i++) {
      if (state.single(i) == null) {
        varies[i] = true;
      }
    }
  }

  /** The field values before rule {@code i}. */
  FieldValues before(int i) {
    return before.get(i);
  }

  /** Whether rule {@code i} fires never, always or depending on the device. */
  Fires fires(int i) {
    return fires.get(i);
  }

  /** Whether field {@code i} may hold different values at some point (so needs a local). */
  boolean varies(int i) {
    return varies[i];
  }

  /** What every field may hold after the last rule. */
  FieldValues after() {
    return after;
  }
}
