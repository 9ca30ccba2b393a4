package io.edgeconf.policy.parse;

import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.diag.Suggest;
import io.edgeconf.policy.parse.Statement.Ident;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a policy source into statements. Every syntax error goes to the sink; after an error the
 * parser skips to the end of the statement (or the end of the line inside a rule body) and goes on,
 * so one run reports every error. Never throws for bad input.
 */
public final class Parser {
  private final List<Token> tokens;
  private final DiagnosticSink sink;
  private int p;
  private Ident brokenField;
  private final java.util.IdentityHashMap<Node, Integer> depths = new java.util.IdentityHashMap<>();

  /** The deepest expression tree accepted; deeper ones would exhaust the checker's stack. */
  static final int MAX_DEPTH = 200;

  private Parser(List<Token> tokens, DiagnosticSink sink) {
    this.tokens = tokens;
    this.sink = sink;
  }

  /** The statements of {@code source}, in source order; errors go to {@code sink}. */
  public static List<Statement> parse(String source, DiagnosticSink sink) {
    return new Parser(Lexer.lex(source, sink), sink).file();
  }

  /** Thrown inside the parser to unwind to the statement loop; never escapes. */
  private static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError() {
      super(null, null, false, false);
    }
  }

  private List<Statement> file() {
    List<Statement> out = new ArrayList<>();
    while (true) {
      List<Token> docs = docs();
      skipNewlines();
      if (peek().is(TokenKind.EOF)) {
        return out;
      }
      nesting = 0;
      try {
        Statement s = statement(docs);
        if (s != null) {
          out.add(s);
        }
        endOfStatement();
      } catch (ParseError e) {
        if (brokenField != null) {
          out.add(new Statement.BrokenField(brokenField, brokenField.span()));
        }
        syncStatement();
      }
      brokenField = null;
    }
  }

  private List<Token> docs() {
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

  private Statement statement(List<Token> docs) {
    Token t = peek();
    if (t.is(TokenKind.IDENT)) {
      switch (t.text()) {
        case "policy" -> {
          return policy();
        }
        case "targets" -> {
          return targets();
        }
        case "field" -> {
          return field(docs);
        }
        case "when" -> {
          return when();
        }
        case "require" -> {
          return require();
        }
        case "rollout" -> {
          return rollout();
        }
        default -> {
          String hint = Suggest.didYouMean(t.text(), Keywords.STATEMENTS);
          if (hint.isEmpty() && peekAt(1).is(TokenKind.ASSIGN)) {
            hint = "assignments belong inside `when COND { ... }`";
          }
          throw error(
              t,
              "expected a statement (policy, targets, field, when, require, rollout), found "
                  + t.describe(),
              hint);
        }
      }
    }
    if (t.is(TokenKind.RBRACE)) {
      throw error(t, "unmatched `}`", "");
    }
    throw error(
        t,
        "expected a statement (policy, targets, field, when, require, rollout), found "
            + t.describe(),
        "");
  }

  private Statement.PolicyDecl policy() {
    Token kw = next();
    Ident name = name("a policy name");
    expectWord("version", "policy NAME version N");
    Token v = peek();
    if (!v.is(TokenKind.INT)) {
      throw error(
          v,
          "expected the version number, found " + v.describe(),
          "write `policy " + name.name() + " version 1`");
    }
    next();
    return new Statement.PolicyDecl(name, new BigInteger(v.text()), v.span(), kw.span());
  }

  private Statement.Targets targets() {
    Token kw = next();
    List<Ident> boards = new ArrayList<>();
    boards.add(name("a board name"));
    while (peek().is(TokenKind.COMMA)) {
      next();
      boards.add(name("a board name"));
    }
    return new Statement.Targets(boards, kw.span());
  }

  private Statement.Field field(List<Token> docs) {
    Token kw = next();
    Ident name = name("a field name");
    brokenField = name;
    expect(TokenKind.COLON, "field " + name.name() + " : TYPE = DEFAULT");
    Statement.TypeRef type = type();
    Node lo = null;
    Node hi = null;
    if (peek().isWord("in")) {
      next();
      lo = expr();
      expect(TokenKind.DOTDOT, "ranges are written `in LO..HI`");
      hi = expr();
    }
    Token eq = peek();
    if (!eq.is(TokenKind.ASSIGN)) {
      throw error(
          eq,
          "expected `=` and the default value of field `"
              + name.name()
              + "`, found "
              + eq.describe(),
          "every field needs a default: `= VALUE`");
    }
    next();
    Node value = expr();
    return new Statement.Field(name, type, lo, hi, value, docText(docs, kw), kw.span());
  }

  private static String docText(List<Token> docs, Token fieldKw) {
    int expectLine = fieldKw.pos().line() - 1;
    List<String> lines = new ArrayList<>();
    for (int k = docs.size() - 1; k >= 0 && docs.get(k).pos().line() == expectLine; k--) {
      lines.add(0, docs.get(k).text());
      expectLine--;
    }
    return String.join("\n", lines);
  }

  private Statement.TypeRef type() {
    Token t = peek();
    if (!t.is(TokenKind.IDENT) || !Keywords.TYPES.contains(t.text())) {
      String hint = t.is(TokenKind.IDENT) ? Suggest.didYouMean(t.text(), Keywords.TYPES) : "";
      throw error(
          t,
          "expected a type (" + String.join(", ", Keywords.TYPES) + "), found " + t.describe(),
          hint.isEmpty() ? "e.g. `u16`, `duration`, `enum { a, b }`, `text(16)`" : hint);
    }
    next();
    List<Ident> members = new ArrayList<>();
    Node length = null;
    if (t.text().equals("enum")) {
      expect(TokenKind.LBRACE, "enum { a, b, c }");
      skipNewlines();
      while (!peek().is(TokenKind.RBRACE)) {
        members.add(name("an enum member"));
        skipNewlines();
        if (peek().is(TokenKind.COMMA)) {
          next();
          skipNewlines();
        } else if (!peek().is(TokenKind.RBRACE)) {
          throw error(
              peek(),
              "expected `,` or `}` in the enum, found " + peek().describe(),
              "enum { a, b, c }");
        }
      }
      next();
    } else if (t.text().equals("text")) {
      expect(TokenKind.LPAREN, "text(N) with 1 <= N <= 255");
      length = expr();
      expect(TokenKind.RPAREN, "text(N) with 1 <= N <= 255");
    }
    return new Statement.TypeRef(t.text(), members, length, t.span());
  }

  private Statement.When when() {
    Token kw = next();
    Node cond = expr();
    noAssignInCondition();
    Token open = peek();
    if (!open.is(TokenKind.LBRACE)) {
      throw error(
          open,
          "expected `{` after the condition, found " + open.describe(),
          "when COND { NAME = VALUE }");
    }
    next();
    List<Statement.Assign> body = new ArrayList<>();
    while (true) {
      skipNewlines();
      Token t = peek();
      if (t.is(TokenKind.RBRACE)) {
        next();
        break;
      }
      if (t.is(TokenKind.EOF)
          || (t.is(TokenKind.IDENT)
              && Keywords.STATEMENTS.contains(t.text())
              && !peekAt(1).is(TokenKind.ASSIGN))) {
        sink.error(
            open.pos(), 1, "this `{` is never closed", "add `}` after the rule's assignments");
        return new Statement.When(cond, body, kw.span());
      }
      nesting = 0;
      try {
        body.add(assignment());
        Token end = peek();
        if (!end.is(TokenKind.NEWLINE) && !end.is(TokenKind.RBRACE)) {
          throw error(
              end,
              "expected the end of the line after the assignment, found " + end.describe(),
              "one assignment per line");
        }
      } catch (ParseError e) {
        while (!peek().is(TokenKind.NEWLINE)
            && !peek().is(TokenKind.RBRACE)
            && !peek().is(TokenKind.EOF)) {
          next();
        }
      }
    }
    return new Statement.When(cond, body, kw.span());
  }

  private Statement.Assign assignment() {
    Ident target = name("a field name");
    Token eq = peek();
    if (!eq.is(TokenKind.ASSIGN)) {
      throw error(
          eq,
          "expected `=` after `" + target.name() + "`, found " + eq.describe(),
          "assign with `" + target.name() + " = VALUE`");
    }
    next();
    Node value = expr();
    return new Statement.Assign(target, value, target.span().to(value.span()));
  }

  private Statement.Require require() {
    Token kw = next();
    Node cond = expr();
    noAssignInCondition();
    String message = null;
    if (peek().is(TokenKind.COLON)) {
      next();
      Token m = peek();
      if (!m.is(TokenKind.STRING)) {
        throw error(
            m,
            "expected the message string after `:`, found " + m.describe(),
            "require COND : \"what went wrong\"");
      }
      next();
      message = m.text();
    }
    return new Statement.Require(cond, message, kw.span());
  }

  private Statement.Rollout rollout() {
    Token kw = next();
    expect(TokenKind.LBRACE, "rollout { canary 10% ... }");
    List<Statement.RolloutEntry> entries = new ArrayList<>();
    while (true) {
      skipNewlines();
      Token t = peek();
      if (t.is(TokenKind.RBRACE)) {
        next();
        return new Statement.Rollout(entries, kw.span());
      }
      if (t.is(TokenKind.EOF)) {
        sink.error(
            kw.pos(), kw.span().caretLength(), "the rollout block is never closed", "add `}`");
        return new Statement.Rollout(entries, kw.span());
      }
      try {
        entries.add(rolloutEntry());
      } catch (ParseError e) {
        while (!peek().is(TokenKind.NEWLINE)
            && !peek().is(TokenKind.RBRACE)
            && !peek().is(TokenKind.EOF)) {
          next();
        }
      }
    }
  }

  private Statement.RolloutEntry rolloutEntry() {
    Token key = peek();
    if (!key.is(TokenKind.IDENT) || !Keywords.ROLLOUT.contains(key.text())) {
      String hint = key.is(TokenKind.IDENT) ? Suggest.didYouMean(key.text(), Keywords.ROLLOUT) : "";
      throw error(
          key,
          "expected a rollout setting ("
              + String.join(", ", Keywords.ROLLOUT)
              + "), found "
              + key.describe(),
          hint);
    }
    next();
    Token v = peek();
    Node value;
    if (v.is(TokenKind.INT) || v.is(TokenKind.DURATION)) {
      value = new Node.Num(new BigInteger(v.text()), v.is(TokenKind.DURATION), v.span());
    } else if (v.is(TokenKind.DECIMAL)) {
      value = new Node.Decimal(v.text(), v.span());
    } else {
      throw error(
          v,
          "expected a value for `" + key.text() + "`, found " + v.describe(),
          rolloutHint(key.text()));
    }
    next();
    boolean percent = false;
    if (peek().is(TokenKind.PERCENT) && peek().span().start() == v.span().end()) {
      next();
      percent = true;
    }
    Token end = peek();
    if (!end.is(TokenKind.NEWLINE) && !end.is(TokenKind.RBRACE)) {
      throw error(
          end,
          "expected the end of the line after `" + key.text() + "`, found " + end.describe(),
          "one setting per line");
    }
    return new Statement.RolloutEntry(
        new Ident(key.text(), key.span()), value, percent, key.span());
  }

  static String rolloutHint(String key) {
    return switch (key) {
      case "canary" -> "e.g. `canary 10%`";
      case "max_failures" -> "e.g. `max_failures 2.5%`";
      case "health_window" -> "e.g. `health_window 15s`";
      default -> "e.g. `batch 20`";
    };
  }

  private void noAssignInCondition() {
    Token t = peek();
    if (t.is(TokenKind.ASSIGN)) {
      throw error(t, "`=` assigns a field; a condition compares with `==`", "write `==`");
    }
  }

  // ---- expressions, loosest first ----

  /** Parses one expression. */
  private Node expr() {
    enter();
    try {
      return or();
    } finally {
      nesting--;
    }
  }

  private int nesting;

  /** Guards the recursion of nested parentheses, {@code not} and {@code -}. */
  private void enter() {
    if (++nesting > MAX_DEPTH) {
      throw error(
          peek(), "expression nested more than " + MAX_DEPTH + " levels deep", "split it up");
    }
  }

  private <N extends Node> N deep(N node) {
    int d = 1;
    switch (node) {
      case Node.Binary b -> d += Math.max(depth(b.left()), depth(b.right()));
      case Node.Unary u -> d += depth(u.operand());
      case Node.Call c -> d += c.args().stream().mapToInt(this::depth).max().orElse(0);
      default -> {}
    }
    if (d > MAX_DEPTH) {
      throw error(
          peek(), "expression nested more than " + MAX_DEPTH + " levels deep", "split it up");
    }
    depths.put(node, d);
    return node;
  }

  private int depth(Node n) {
    return depths.getOrDefault(n, 1);
  }

  private Node or() {
    Node left = and();
    while (peek().isWord("or")) {
      Token op = next();
      Node right = and();
      left = deep(new Node.Binary("or", op.span(), left, right, left.span().to(right.span())));
    }
    return left;
  }

  private Node and() {
    Node left = not();
    while (peek().isWord("and")) {
      Token op = next();
      Node right = not();
      left = deep(new Node.Binary("and", op.span(), left, right, left.span().to(right.span())));
    }
    return left;
  }

  private Node not() {
    if (peek().isWord("not")) {
      Token op = next();
      enter();
      Node operand = not();
      nesting--;
      return deep(new Node.Unary("not", operand, op.span().to(operand.span())));
    }
    return comparison();
  }

  private Node comparison() {
    Node left = additive();
    if (isComparison(peek())) {
      Token op = next();
      Node right = additive();
      if (isComparison(peek())) {
        throw error(
            peek(), "comparisons do not chain", "combine them with `and`: `a < b and b < c`");
      }
      return deep(new Node.Binary(op.text(), op.span(), left, right, left.span().to(right.span())));
    }
    return left;
  }

  private static boolean isComparison(Token t) {
    return switch (t.kind()) {
      case EQ, NE, LT, LE, GT, GE -> true;
      default -> false;
    };
  }

  private Node additive() {
    Node left = multiplicative();
    while (peek().is(TokenKind.PLUS) || peek().is(TokenKind.MINUS)) {
      Token op = next();
      Node right = multiplicative();
      left = deep(new Node.Binary(op.text(), op.span(), left, right, left.span().to(right.span())));
    }
    return left;
  }

  private Node multiplicative() {
    Node left = unary();
    while (peek().is(TokenKind.STAR)
        || peek().is(TokenKind.SLASH)
        || peek().is(TokenKind.PERCENT)) {
      Token op = next();
      if (op.is(TokenKind.PERCENT) && (peek().is(TokenKind.NEWLINE) || peek().is(TokenKind.EOF))) {
        throw error(
            op,
            "a percentage is only allowed in the rollout block",
            "`%` in an expression is the remainder: `a % b`");
      }
      Node right = unary();
      left = deep(new Node.Binary(op.text(), op.span(), left, right, left.span().to(right.span())));
    }
    return left;
  }

  private Node unary() {
    if (peek().is(TokenKind.MINUS)) {
      Token op = next();
      enter();
      Node operand = unary();
      nesting--;
      return deep(new Node.Unary("-", operand, op.span().to(operand.span())));
    }
    return primary();
  }

  private Node primary() {
    Token t = peek();
    switch (t.kind()) {
      case INT, DURATION -> {
        next();
        return new Node.Num(new BigInteger(t.text()), t.is(TokenKind.DURATION), t.span());
      }
      case DECIMAL -> {
        next();
        return new Node.Decimal(t.text(), t.span());
      }
      case STRING -> {
        next();
        return new Node.Str(t.text(), t.span());
      }
      case LPAREN -> {
        next();
        Node inner = expr();
        Token close = peek();
        if (!close.is(TokenKind.RPAREN)) {
          throw error(
              close, "expected `)`, found " + close.describe(), "close the `(` at " + t.pos());
        }
        next();
        return inner;
      }
      case IDENT -> {
        return name(t);
      }
      default -> throw error(t, "expected a value, found " + t.describe(), "");
    }
  }

  private Node name(Token t) {
    next();
    if (t.text().equals("true") || t.text().equals("false")) {
      return new Node.Bool(t.text().equals("true"), t.span());
    }
    if (Keywords.isKeyword(t.text())) {
      throw error(t, "`" + t.text() + "` is a keyword, not a value", "");
    }
    if (!peek().is(TokenKind.LPAREN)) {
      return new Node.Name(t.text(), t.span());
    }
    next();
    List<Node> args = new ArrayList<>();
    if (!peek().is(TokenKind.RPAREN)) {
      args.add(expr());
      while (peek().is(TokenKind.COMMA)) {
        next();
        args.add(expr());
      }
    }
    Token close = peek();
    if (!close.is(TokenKind.RPAREN)) {
      throw error(
          close,
          "expected `,` or `)` in the call of `" + t.text() + "`, found " + close.describe(),
          "");
    }
    next();
    return deep(new Node.Call(t.text(), t.span(), args, t.span().to(close.span())));
  }

  // ---- token helpers ----

  private Ident name(String what) {
    Token t = peek();
    if (!t.is(TokenKind.IDENT)) {
      throw error(t, "expected " + what + ", found " + t.describe(), "");
    }
    next();
    return new Ident(t.text(), t.span());
  }

  private void expectWord(String word, String form) {
    Token t = peek();
    if (!t.isWord(word)) {
      throw error(
          t, "expected `" + word + "`, found " + t.describe(), "the form is `" + form + "`");
    }
    next();
  }

  private void expect(TokenKind kind, String form) {
    Token t = peek();
    if (!t.is(kind)) {
      throw error(
          t,
          "expected " + kind.description() + ", found " + t.describe(),
          "the form is `" + form + "`");
    }
    next();
  }

  private void endOfStatement() {
    Token t = peek();
    if (!t.is(TokenKind.NEWLINE) && !t.is(TokenKind.EOF)) {
      throw error(
          t, "expected the end of the statement, found " + t.describe(), "one statement per line");
    }
  }

  /** Skips to the end of the statement, jumping over whole {@code { ... }} blocks. */
  private void syncStatement() {
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

  private void skipNewlines() {
    while (peek().is(TokenKind.NEWLINE)) {
      next();
    }
  }

  private ParseError error(Token t, String message, String hint) {
    sink.error(t.pos(), t.is(TokenKind.NEWLINE) ? 1 : t.span().caretLength(), message, hint);
    return new ParseError();
  }

  /** The current token, skipping {@code ##} comments that are not above a statement. */
  private Token peek() {
    while (p < tokens.size() - 1 && tokens.get(p).is(TokenKind.DOC)) {
      p++;
    }
    return tokens.get(p);
  }

  private Token peekAt(int ahead) {
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

  private Token next() {
    Token t = peek();
    if (p < tokens.size() - 1) {
      p++;
    }
    return t;
  }
}
