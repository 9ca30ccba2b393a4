package io.edgeconf.policy.proof;

import io.edgeconf.policy.model.Assignment;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.Rule;
import io.edgeconf.policy.model.SourcePos;
import io.edgeconf.policy.proof.PVal.Known;
import io.edgeconf.policy.proof.PVal.Maybe;
import java.util.BitSet;

/**
 * Walks the combinations of rules that can fire together, depth first in source order, splitting
 * only on rules that matter to the goal and only where a device can take both branches.
 */
final class Explorer {
  /** Called at the end of each path. */
  interface Leaf {
    void at(PathState state);
  }

  /** Called where an arithmetic error happens on a path. */
  interface Fault {
    void at(PathState state, SourcePos where, SymEval.ArithFault fault);
  }

  /** Thrown when a goal needs more paths than {@link #LIMIT}. */
  static final class TooManyPaths extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyPaths() {
      super(null, null, false, false);
    }
  }

  /** Paths per goal before the proof gives up on it (and leaves it to render time). */
  static final int LIMIT = 50_000;

  private final CheckedPolicy policy;
  private final BitSet relevant;
  private final int end;
  private final Fault fault;
  private int paths;

  Explorer(CheckedPolicy policy, BitSet relevant, int end, Fault fault) {
    this.policy = policy;
    this.relevant = relevant;
    this.end = end;
    this.fault = fault;
  }

  /** Explores rules {@code 0..end-1} from the start state, calling {@code leaf} for each path. */
  void run(PathState start, Leaf leaf) {
    explore(0, start, leaf);
  }

  private void explore(int rule, PathState state, Leaf leaf) {
    int r = relevant.nextSetBit(rule);
    if (r < 0 || r >= end) {
      if (++paths > LIMIT) {
        throw new TooManyPaths();
      }
      leaf.at(state);
      return;
    }
    Rule rr = policy.rules().get(r);
    decide(
        rr.condition(),
        state,
        rr.pos(),
        (s, fires) -> {
          if (!fires) {
            explore(r + 1, s, leaf);
            return;
          }
          PathState next = s.fire(r);
          for (Assignment a : rr.assignments()) {
            try {
              next = next.assign(a.fieldIndex(), new SymEval(next).eval(a.value()), a.pos());
            } catch (SymEval.ArithFault f) {
              fault.at(next, a.pos(), f);
              return;
            }
          }
          explore(r + 1, next, leaf);
        });
  }

  /** Decides a bool on a path, splitting on device atoms; {@code then} gets each outcome. */
  void decide(
      Expr cond,
      PathState state,
      SourcePos where,
      java.util.function.BiConsumer<PathState, Boolean> then) {
    PVal v;
    try {
      v = new SymEval(state).eval(cond);
    } catch (SymEval.ArithFault f) {
      fault.at(state, where, f);
      return;
    }
    if (v instanceof Known k) {
      then.accept(state, (Boolean) k.value());
      return;
    }
    Maybe m = (Maybe) v;
    if (m.atom() == null) {
      String why = m.reason() == null ? "an opaque value" : m.reason();
      then.accept(state.assuming(why), true);
      then.accept(state.assuming(why), false);
      return;
    }
    for (boolean value : new boolean[] {true, false}) {
      Constraints c = state.constraints().with(m.atom(), value);
      if (c != null) {
        decide(cond, state.with(c), where, then);
      }
    }
  }
}
