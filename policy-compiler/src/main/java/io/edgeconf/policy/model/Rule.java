package io.edgeconf.policy.model;

import java.util.List;

/**
 * {@code when COND { assignments }}: when the condition holds, the assignments run in order.
 *
 * @param condition a bool expression
 * @param assignments the assignments in source order (may be empty)
 * @param pos where {@code when} stands
 */
public record Rule(Expr condition, List<Assignment> assignments, SourcePos pos) {
  public Rule {
    Checks.kind(condition, Type.Kind.BOOL, "when");
    assignments = List.copyOf(assignments);
    pos = pos == null ? SourcePos.NONE : pos;
  }
}
