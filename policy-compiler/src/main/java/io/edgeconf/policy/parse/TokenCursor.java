package io.edgeconf.policy.parse;

import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.model.SourcePos;
import io.edgeconf.policy.parse.Statement.Ident;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser's position in the token list: looks ahead, consumes and expects tokens, reports a
 * syntax error at a token and skips ahead after one. {@code ##} comments are invisible to it except
 * where {@link #docs()} collects them above a statement. Not thread-safe.
 */
final class TokenCursor {
  private final List<Token> tokens;
  private final DiagnosticSink sink;
  private int p;

  /**
   * @param tokens the lexer's tokens, ending with {@link TokenKind#EOF}
   * @param sink where syntax errors go
   */
  TokenCursor(List<Token> tokens, DiagnosticSink sink) {
    this.tokens = tokens;
    this.sink = sink;
  }

  /** Thrown by the grammars to unwind to the loop that recovers; never escapes the parser. */
  static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError() {
      super(null, null, false, false);
    }
  }

  /** The current token, skipping {@code ##} comments that are not above a statement. */
  Token peek() {
    while (p < tokens.size() - 1 && tokens.get(p).is(TokenKind.DOC)) {
      p++;
    }
    return tokens.get(p);
  }

  /** The token {@code ahead} tokens after the current one, comments not counted. */
  Token peekAt(int ahead) {
    peek();
    int k = p;
    for (int n = 0; n < ahead && k < tokens.size() - 1; ) {
      k++;
      if (!tokens.get(k).is(TokenKind.DOC)) {
        n++;
      }
    }
    return tokens.get(k);
  }

  /** Consumes and returns the current token; at the end it stays on {@link TokenKind#EOF}. */
  Token next() {
    Token t = peek();
    if (p < tokens.size() - 1) {
      p++;
    }
    return t;
  }

  /**
   * Consumes the {@code ##} comments and blank lines before a statement, returning the comments.
   */
  List<Token> docs() {
    List<Token> docs = new ArrayList<>();
    while (p < tokens.size()
        && (tokens.get(p).is(TokenKind.DOC) || tokens.get(p).is(TokenKind.NEWLINE))) {
      if (tokens.get(p).is(TokenKind.DOC)) {
        docs.add(tokens.get(p));
      }
      p++;
    }
    return docs;
  }

  /** Consumes a name; {@code what} says which, for the error. */
  Ident name(String what) {
    Token t = peek();
    if (!t.is(TokenKind.IDENT)) {
      throw error(t, "expected " + what + ", found " + t.describe(), "");
    }
    next();
    return new Ident(t.text(), t.span());
  }

  /** Consumes the keyword {@code word} of the statement form {@code form}. */
  void expectWord(String word, String form) {
    Token t = peek();
    if (!t.isWord(word)) {
      throw error(
          t, "expected `" + word + "`, found " + t.describe(), "the form is `" + form + "`");
    }
    next();
  }

  /** Consumes a token of {@code kind}, part of the form {@code form}. */
  void expect(TokenKind kind, String form) {
    Token t = peek();
    if (!t.is(kind)) {
      throw error(
          t,
          "expected " + kind.description() + ", found " + t.describe(),
          "the form is `" + form + "`");
    }
    next();
  }

  /** Checks that the statement ends here: a line break or the end of the file. */
  void endOfStatement() {
    Token t = peek();
    if (!t.is(TokenKind.NEWLINE) && !t.is(TokenKind.EOF)) {
      throw error(
          t, "expected the end of the statement, found " + t.describe(), "one statement per line");
    }
  }

  /** Skips to the end of the statement, jumping over whole {@code { ... }} blocks. */
  void syncStatement() {
    int depth = 0;
    while (!peek().is(TokenKind.EOF)) {
      Token t = next();
      if (t.is(TokenKind.LBRACE)) {
        depth++;
      } else if (t.is(TokenKind.RBRACE) && depth > 0) {
        depth--;
      } else if (t.is(TokenKind.NEWLINE) && depth == 0) {
        return;
      }
    }
  }

  /** Skips the rest of a line inside a block, stopping before its line break or {@code }}. */
  void syncLine() {
    while (!peek().is(TokenKind.NEWLINE)
        && !peek().is(TokenKind.RBRACE)
        && !peek().is(TokenKind.EOF)) {
      next();
    }
  }

  void skipNewlines() {
    while (peek().is(TokenKind.NEWLINE)) {
      next();
    }
  }

  /** Reports a syntax error that needs no unwinding, such as a block that is never closed. */
  void report(SourcePos pos, int length, String message, String hint) {
    sink.error(pos, length, message, hint);
  }

  /** Reports a syntax error at {@code t}; the caller throws the returned error to unwind. */
  ParseError error(Token t, String message, String hint) {
    sink.error(t.pos(), t.is(TokenKind.NEWLINE) ? 1 : t.span().caretLength(), message, hint);
    return new ParseError();
  }
}
