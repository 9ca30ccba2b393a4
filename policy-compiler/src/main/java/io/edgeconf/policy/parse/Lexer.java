package io.edgeconf.policy.parse;

import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.model.SourcePos;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a policy source into tokens. Newlines inside parentheses are dropped (a statement may
 * continue there); elsewhere runs of newlines become one {@link TokenKind#NEWLINE}. Lexical errors
 * go to the sink and lexing goes on, so every error of the file is reported.
 */
final class Lexer {
  private final String src;
  private final DiagnosticSink sink;
  private final List<Token> tokens = new ArrayList<>();
  private int i;
  private int line = 1;
  private int col = 1;
  private int parenDepth;
  private boolean lineHasToken;

  private Lexer(String src, DiagnosticSink sink) {
    this.src = src;
    this.sink = sink;
  }

  /** The tokens of {@code src}, ending with {@link TokenKind#EOF}. */
  static List<Token> lex(String src, DiagnosticSink sink) {
    Lexer lexer = new Lexer(src, sink);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    if (src.startsWith("\uFEFF")) {
      advance();
    }
    while (i < src.length()) {
      int c = src.codePointAt(i);
      if (c == '\n' || c == '\r') {
        newline();
      } else if (c == ' ' || c == '\t' || c == '\f') {
        advance();
      } else if (c == '#') {
        comment();
      } else if (isDigit(c)) {
        number();
      } else if (isIdentStart(c) || (c >= 'A' && c <= 'Z')) {
        ident();
      } else if (c == '"') {
        string();
      } else {
        punct(c);
      }
    }
    SourcePos pos = new SourcePos(line, col);
    if (lineHasToken) {
      tokens.add(new Token(TokenKind.NEWLINE, "", new Span(pos, i, i, src)));
    }
    tokens.add(new Token(TokenKind.EOF, "", new Span(pos, i, i, src)));
  }

  private void newline() {
    int start = i;
    SourcePos pos = here();
    if (src.charAt(i) == '\r' && i + 1 < src.length() && src.charAt(i + 1) == '\n') {
      i++;
    }
    i++;
    line++;
    col = 1;
    if (parenDepth == 0 && lineHasToken) {
      tokens.add(new Token(TokenKind.NEWLINE, "", new Span(pos, start, start, src)));
    }
    lineHasToken = false;
  }

  private void comment() {
    int start = i;
    SourcePos pos = here();
    boolean doc = !lineHasToken && src.startsWith("##", i);
    while (i < src.length() && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
      advance();
    }
    if (doc) {
      String text = src.substring(start + 2, i);
      text = text.startsWith(" ") ? text.substring(1) : text;
      tokens.add(new Token(TokenKind.DOC, text.stripTrailing(), new Span(pos, start, i, src)));
    }
  }

  private void number() {
    int start = i;
    SourcePos pos = here();
    String digits;
    boolean hex = src.startsWith("0x", i) || src.startsWith("0X", i);
    if (hex) {
      advance();
      advance();
      digits = digitRun(16, pos);
    } else {
      digits = digitRun(10, pos);
    }
    if (!hex && peek() == '.' && isDigit(peekAt(1))) {
      advance();
      String fraction = digitRun(10, pos);
      add(TokenKind.DECIMAL, digits + "." + fraction, pos, start);
      return;
    }
    BigInteger value = digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, hex ? 16 : 10);
    if (hex && digits.isEmpty()) {
      sink.error(pos, 2, "`0x` needs hexadecimal digits", "write e.g. `0x1F`");
    }
    if (isIdentPart(peek()) || (peek() >= 'A' && peek() <= 'Z')) {
      int unitStart = i;
      SourcePos unitPos = here();
      while (isIdentPart(peek()) || (peek() >= 'A' && peek() <= 'Z')) {
        advance();
      }
      String unit = src.substring(unitStart, i);
      long factor =
          switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 0;
          };
      if (factor == 0 || hex) {
        sink.error(
            unitPos,
            unit.length(),
            hex ? "a hexadecimal number cannot have a unit" : "unknown unit `" + unit + "`",
            "durations are written like `500ms`, `10s`, `5m`, `1h`");
        add(TokenKind.INT, value.toString(), pos, start);
        return;
      }
      add(TokenKind.DURATION, value.multiply(BigInteger.valueOf(factor)).toString(), pos, start);
      return;
    }
    add(TokenKind.INT, value.toString(), pos, start);
  }

  /** Digits of the radix with single {@code _} between digits; reports misplaced underscores. */
  private String digitRun(int radix, SourcePos pos) {
    StringBuilder digits = new StringBuilder();
    boolean lastUnderscore = false;
    while (i < src.length()) {
      int c = peek();
      if (c == '_') {
        if (digits.isEmpty() || lastUnderscore) {
          sink.error(here(), 1, "`_` belongs between digits", "write e.g. `10_000`");
        }
        lastUnderscore = true;
        advance();
      } else if (Character.digit(c, radix) >= 0 && c < 128) {
        digits.append((char) c);
        lastUnderscore = false;
        advance();
      } else {
        break;
      }
    }
    if (lastUnderscore) {
      sink.error(pos, 1, "a number cannot end with `_`", "write e.g. `10_000`");
    }
    return digits.toString();
  }

  private void ident() {
    int start = i;
    SourcePos pos = here();
    boolean upper = false;
    while (isIdentPart(peek()) || (peek() >= 'A' && peek() <= 'Z')) {
      upper |= peek() >= 'A' && peek() <= 'Z';
      advance();
    }
    String text = src.substring(start, i);
    if (upper) {
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      sink.error(
          pos, text.length(), "names are lower case: `" + text + "`", "write `" + lower + "`");
      text = lower;
    }
    add(TokenKind.IDENT, text, pos, start);
  }

  private void string() {
    int start = i;
    SourcePos pos = here();
    advance();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (i >= src.length() || peek() == '\n' || peek() == '\r') {
        sink.error(pos, 1, "unterminated string", "close it with `\"` on the same line");
        break;
      }
      int c = peek();
      if (c == '"') {
        advance();
        break;
      }
      if (c == '\\') {
        escape(value);
      } else {
        value.appendCodePoint(c);
        advance();
      }
    }
    add(TokenKind.STRING, value.toString(), pos, start);
  }

  private void escape(StringBuilder value) {
    SourcePos pos = here();
    advance();
    int c = i < src.length() ? peek() : -1;
    switch (c) {
      case '"' -> value.append('"');
      case '\\' -> value.append('\\');
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'u' -> {
        unicodeEscape(value, pos);
        return;
      }
      default -> {
        sink.error(pos, 2, "unknown escape in a string", "escapes are \\\" \\\\ \\n \\t \\u{XXXX}");
        if (c < 0 || c == '\n' || c == '\r') {
          return;
        }
      }
    }
    advance();
  }

  private void unicodeEscape(StringBuilder value, SourcePos pos) {
    advance();
    if (peek() != '{') {
      sink.error(pos, 2, "`\\u` needs `{XXXX}`", "write e.g. `\\u{00B0}`");
      return;
    }
    advance();
    int startHex = i;
    while (i < src.length() && Character.digit(peek(), 16) >= 0 && peek() < 128) {
      advance();
    }
    String hex = src.substring(startHex, i);
    boolean closed = peek() == '}';
    if (closed) {
      advance();
    }
    int cp = hex.isEmpty() || hex.length() > 6 ? -1 : Integer.parseInt(hex, 16);
    if (!closed || cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      sink.error(
          pos,
          3 + hex.length(),
          "`\\u{" + hex + "}` is not a Unicode scalar value",
          "use 1 to 6 hex digits up to 10FFFF, not a surrogate");
      return;
    }
    value.appendCodePoint(cp);
  }

  private void punct(int c) {
    int start = i;
    SourcePos pos = here();
    int next = peekAt(1);
    TokenKind kind =
        switch (c) {
          case '(' -> TokenKind.LPAREN;
          case ')' -> TokenKind.RPAREN;
          case '{' -> TokenKind.LBRACE;
          case '}' -> TokenKind.RBRACE;
          case ',' -> TokenKind.COMMA;
          case ':' -> TokenKind.COLON;
          case '+' -> TokenKind.PLUS;
          case '-' -> TokenKind.MINUS;
          case '*' -> TokenKind.STAR;
          case '/' -> TokenKind.SLASH;
          case '%' -> TokenKind.PERCENT;
          case '=' -> next == '=' ? TokenKind.EQ : TokenKind.ASSIGN;
          case '!' -> next == '=' ? TokenKind.NE : null;
          case '<' -> next == '=' ? TokenKind.LE : TokenKind.LT;
          case '>' -> next == '=' ? TokenKind.GE : TokenKind.GT;
          case '.' -> next == '.' ? TokenKind.DOTDOT : null;
          default -> null;
        };
    if (kind == null) {
      String shown = new String(Character.toChars(c));
      String hint =
          switch (c) {
            case '!' -> "write `not` for negation, `!=` for inequality";
            case '&' -> "write `and`";
            case '|' -> "write `or`";
            case '\'' -> "strings use double quotes";
            case '.' -> "ranges are written `LO..HI`";
            default -> "";
          };
      sink.error(
          pos,
          1,
          Character.isISOControl(c) || !Character.isDefined(c)
              ? String.format("unexpected character U+%04X", c)
              : "unexpected character `" + shown + "`",
          hint);
      advance();
      return;
    }
    advance();
    if (kind == TokenKind.EQ
        || kind == TokenKind.NE
        || kind == TokenKind.LE
        || kind == TokenKind.GE
        || kind == TokenKind.DOTDOT) {
      advance();
    }
    if (kind == TokenKind.LPAREN) {
      parenDepth++;
    } else if (kind == TokenKind.RPAREN && parenDepth > 0) {
      parenDepth--;
    } else if (kind == TokenKind.LBRACE || kind == TokenKind.RBRACE) {
      // Braces hold statements: newlines inside them still separate, parentheses do not nest
      // across them.
      parenDepth = 0;
    }
    add(kind, src.substring(start, i), pos, start);
  }

  private void add(TokenKind kind, String text, SourcePos pos, int start) {
    tokens.add(new Token(kind, text, new Span(pos, start, i, src)));
    lineHasToken = true;
  }

  private SourcePos here() {
    return new SourcePos(line, col);
  }

  private int peek() {
    return i < src.length() ? src.codePointAt(i) : -1;
  }

  private int peekAt(int ahead) {
    int j = i;
    for (int k = 0; k < ahead && j < src.length(); k++) {
      j += Character.charCount(src.codePointAt(j));
    }
    return j < src.length() ? src.codePointAt(j) : -1;
  }

  private void advance() {
    if (i < src.length()) {
      i += Character.charCount(src.codePointAt(i));
      col++;
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(int c) {
    return (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isIdentPart(int c) {
    return isIdentStart(c) || isDigit(c);
  }
}
