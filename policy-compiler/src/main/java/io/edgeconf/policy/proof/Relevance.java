package io.edgeconf.policy.proof;

import io.edgeconf.policy.model.Assignment;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.Rule;
import java.util.BitSet;

/**
 * Which rules can change what a goal looks at. A rule matters when it assigns a field the goal
 * reads, directly or through the conditions and values of other rules that matter. Rules that do
 * not matter are not split on, which keeps the proof far from 2^n.
 */
final class Relevance {
  private Relevance() {}

  /** The fields an expression reads. */
  static BitSet reads(Expr e) {
    BitSet out = new BitSet();
    collect(e, out);
    return out;
  }

  private static void collect(Expr e, BitSet out) {
    if (e instanceof Expr.FieldRef f) {
      out.set(f.index());
    }
    e.children().forEach(c -> collect(c, out));
  }

  /** The fields a rule reads (condition and values). */
  static BitSet reads(Rule r) {
    BitSet out = reads(r.condition());
    r.assignments().forEach(a -> out.or(reads(a.value())));
    return out;
  }

  /** The rules before {@code end} that matter to a goal reading {@code fields}. */
  static BitSet rules(CheckedPolicy policy, BitSet fields, int end) {
    BitSet f = (BitSet) fields.clone();
    BitSet rules = new BitSet();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r < end; r++) {
        if (rules.get(r)) {
          continue;
        }
        Rule rule = policy.rules().get(r);
        for (Assignment a : rule.assignments()) {
          if (f.get(a.fieldIndex())) {
            rules.set(r);
            f.or(reads(rule));
            changed = true;
            break;
          }
        }
      }
    }
    return rules;
  }
}
