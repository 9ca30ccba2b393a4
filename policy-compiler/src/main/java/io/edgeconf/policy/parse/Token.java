package io.edgeconf.policy.parse;

import io.edgeconf.policy.model.SourcePos;

/**
 * A token: its kind, its source text and where it stands.
 *
 * @param kind the kind
 * @param text the source text (for {@link TokenKind#STRING} and {@link TokenKind#DOC} the decoded
 *     content; for numbers the value in decimal, durations in milliseconds)
 * @param span where it stands
 */
record Token(TokenKind kind, String text, Span span) {
  SourcePos pos() {
    return span.pos();
  }

  boolean is(TokenKind k) {
    return kind == k;
  }

  /** Whether this is the identifier (or keyword) {@code word}. */
  boolean isWord(String word) {
    return kind == TokenKind.IDENT && text.equals(word);
  }

  /** How the token is named in "found ..." messages. */
  String describe() {
    return switch (kind) {
      case IDENT -> "`" + text + "`";
      case INT, DURATION, DECIMAL -> kind.description() + " `" + span.text() + "`";
      default -> kind.description();
    };
  }
}
