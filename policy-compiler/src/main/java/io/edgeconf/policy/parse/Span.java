package io.edgeconf.policy.parse;

import io.edgeconf.policy.model.SourcePos;

/**
 * Where a piece of syntax stands: its start position and its character range in the source.
 *
 * @param pos line and column of the first character
 * @param start offset of the first char
 * @param end offset after the last char
 * @param source the whole source (shared, not copied)
 */
public record Span(SourcePos pos, int start, int end, String source) {
  public Span {
    if (start < 0 || end < start || end > source.length()) {
      throw new IllegalArgumentException("span " + start + ".." + end + " outside the source");
    }
  }

  /** The source text of the span. */
  public String text() {
    return source.substring(start, end);
  }

  /** The span from this one's start to {@code other}'s end. */
  public Span to(Span other) {
    return other.end < start ? this : new Span(pos, start, other.end, source);
  }

  /** How many code points to underline: up to the end of the span or of its first line. */
  public int caretLength() {
    String t = text();
    int nl = t.indexOf('\n');
    if (nl >= 0) {
      t = t.substring(0, nl);
    }
    return Math.max(1, t.codePointCount(0, t.length()));
  }
}
