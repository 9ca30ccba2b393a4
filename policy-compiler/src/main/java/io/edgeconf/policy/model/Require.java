package io.edgeconf.policy.model;

/**
 * {@code require COND [: "message"]}: an invariant checked after all rules.
 *
 * @param condition a bool expression
 * @param message the message, or the source text of the condition when the policy gives none
 * @param sourceText the condition as written in the source (whitespace runs collapsed)
 * @param pos where {@code require} stands
 */
public record Require(Expr condition, String message, String sourceText, SourcePos pos) {
  public Require {
    Checks.kind(condition, Type.Kind.BOOL, "require");
    Checks.notNull(sourceText, "require source text");
    message = message == null || message.isEmpty() ? sourceText : message;
    pos = pos == null ? SourcePos.NONE : pos;
  }
}
