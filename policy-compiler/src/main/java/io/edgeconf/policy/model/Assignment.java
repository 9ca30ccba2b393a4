package io.edgeconf.policy.model;

/**
 * {@code NAME = EXPR} inside a rule. The value's type matches the field's (integers for integer and
 * duration fields, the field's enum type, bool, string for text fields); range is checked after all
 * rules, not here.
 *
 * @param fieldIndex the assigned field's index in the policy's field list
 * @param value the new value
 * @param pos where the assignment starts
 */
public record Assignment(int fieldIndex, Expr value, SourcePos pos) {
  public Assignment {
    if (fieldIndex < 0) {
      throw new IllegalArgumentException("field index " + fieldIndex + " is negative");
    }
    Checks.notNull(value, "assigned value");
    pos = pos == null ? SourcePos.NONE : pos;
  }
}
