package io.edgeconf.policy.parse;

import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.diag.Suggest;
import io.edgeconf.policy.parse.Statement.Ident;
import io.edgeconf.policy.parse.TokenCursor.ParseError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a policy source into statements. Every syntax error goes to the sink; after an error the
 * parser skips to the end of the statement (or the end of the line inside a rule body) and goes on,
 * so one run reports every error. Never throws for bad input.
 *
 * <p>This class holds the statement grammar; expressions are parsed by {@link ExpressionParser},
 * the rollout block by {@link RolloutParser}, all reading through one {@link TokenCursor}.
 */
public final class Parser {
  private final TokenCursor in;
  private final ExpressionParser expressions;
  private final RolloutParser rollouts;

  /** The field whose declaration an error broke off, so the checker still knows the name. */
  private Ident brokenField;

  private Parser(List<Token> tokens, DiagnosticSink sink) {
    this.in = new TokenCursor(tokens, sink);
    this.expressions = new ExpressionParser(in);
    this.rollouts = new RolloutParser(in);
  }

  /** The statements of {@code source}, in source order; errors go to {@code sink}. */
  public static List<Statement> parse(String source, DiagnosticSink sink) {
    return new Parser(Lexer.lex(source, sink), sink).file();
  }

  private List<Statement> file() {
    List<Statement> out = new ArrayList<>();
    while (true) {
      List<Token> docs = in.docs();
      in.skipNewlines();
      if (in.peek().is(TokenKind.EOF)) {
        return out;
      }
      expressions.resetNesting();
      try {
        Statement s = statement(docs);
        if (s != null) {
          out.add(s);
        }
        in.endOfStatement();
      } catch (ParseError e) {
        if (brokenField != null) {
          out.add(new Statement.BrokenField(brokenField, brokenField.span()));
        }
        in.syncStatement();
      }
      brokenField = null;
    }
  }

  private Statement statement(List<Token> docs) {
    Token t = in.peek();
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
          return rollouts.rollout();
        }
        default -> {
          String hint = Suggest.didYouMean(t.text(), Keywords.STATEMENTS);
          if (hint.isEmpty() && in.peekAt(1).is(TokenKind.ASSIGN)) {
            hint = "assignments belong inside `when COND { ... }`";
          }
          throw in.error(
              t,
              "expected a statement (policy, targets, field, when, require, rollout), found "
                  + t.describe(),
              hint);
        }
      }
    }
    if (t.is(TokenKind.RBRACE)) {
      throw in.error(t, "unmatched `}`", "");
    }
    throw in.error(
        t,
        "expected a statement (policy, targets, field, when, require, rollout), found "
            + t.describe(),
        "");
  }

  private Statement.PolicyDecl policy() {
    Token kw = in.next();
    Ident name = in.name("a policy name");
    in.expectWord("version", "policy NAME version N");
    Token v = in.peek();
    if (!v.is(TokenKind.INT)) {
      throw in.error(
          v,
          "expected the version number, found " + v.describe(),
          "write `policy " + name.name() + " version 1`");
    }
    in.next();
    return new Statement.PolicyDecl(name, new BigInteger(v.text()), v.span(), kw.span());
  }

  private Statement.Targets targets() {
    Token kw = in.next();
    List<Ident> boards = new ArrayList<>();
    boards.add(in.name("a board name"));
    while (in.peek().is(TokenKind.COMMA)) {
      in.next();
      boards.add(in.name("a board name"));
    }
    return new Statement.Targets(boards, kw.span());
  }

  private Statement.Field field(List<Token> docs) {
    Token kw = in.next();
    Ident name = in.name("a field name");
    brokenField = name;
    in.expect(TokenKind.COLON, "field " + name.name() + " : TYPE = DEFAULT");
    Statement.TypeRef type = type();
    Node lo = null;
    Node hi = null;
    if (in.peek().isWord("in")) {
      in.next();
      lo = expressions.expr();
      in.expect(TokenKind.DOTDOT, "ranges are written `in LO..HI`");
      hi = expressions.expr();
    }
    Token eq = in.peek();
    if (!eq.is(TokenKind.ASSIGN)) {
      throw in.error(
          eq,
          "expected `=` and the default value of field `"
              + name.name()
              + "`, found "
              + eq.describe(),
          "every field needs a default: `= VALUE`");
    }
    in.next();
    Node value = expressions.expr();
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
    Token t = in.peek();
    if (!t.is(TokenKind.IDENT) || !Keywords.TYPES.contains(t.text())) {
      String hint = t.is(TokenKind.IDENT) ? Suggest.didYouMean(t.text(), Keywords.TYPES) : "";
      throw in.error(
          t,
          "expected a type (" + String.join(", ", Keywords.TYPES) + "), found " + t.describe(),
          hint.isEmpty() ? "e.g. `u16`, `duration`, `enum { a, b }`, `text(16)`" : hint);
    }
    in.next();
    List<Ident> members = new ArrayList<>();
    Node length = null;
    if (t.text().equals("enum")) {
      in.expect(TokenKind.LBRACE, "enum { a, b, c }");
      in.skipNewlines();
      while (!in.peek().is(TokenKind.RBRACE)) {
        members.add(in.name("an enum member"));
        in.skipNewlines();
        if (in.peek().is(TokenKind.COMMA)) {
          in.next();
          in.skipNewlines();
        } else if (!in.peek().is(TokenKind.RBRACE)) {
          throw in.error(
              in.peek(),
              "expected `,` or `}` in the enum, found " + in.peek().describe(),
              "enum { a, b, c }");
        }
      }
      in.next();
    } else if (t.text().equals("text")) {
      in.expect(TokenKind.LPAREN, "text(N) with 1 <= N <= 255");
      length = expressions.expr();
      in.expect(TokenKind.RPAREN, "text(N) with 1 <= N <= 255");
    }
    return new Statement.TypeRef(t.text(), members, length, t.span());
  }

  private Statement.When when() {
    Token kw = in.next();
    Node cond = expressions.expr();
    noAssignInCondition();
    Token open = in.peek();
    if (!open.is(TokenKind.LBRACE)) {
      throw in.error(
          open,
          "expected `{` after the condition, found " + open.describe(),
          "when COND { NAME = VALUE }");
    }
    in.next();
    List<Statement.Assign> body = new ArrayList<>();
    while (true) {
      in.skipNewlines();
      Token t = in.peek();
      if (t.is(TokenKind.RBRACE)) {
        in.next();
        break;
      }
      if (t.is(TokenKind.EOF)
          || (t.is(TokenKind.IDENT)
              && Keywords.STATEMENTS.contains(t.text())
              && !in.peekAt(1).is(TokenKind.ASSIGN))) {
        in.report(
            open.pos(), 1, "this `{` is never closed", "add `}` after the rule's assignments");
        return new Statement.When(cond, body, kw.span());
      }
      expressions.resetNesting();
      try {
        body.add(assignment());
        Token end = in.peek();
        if (!end.is(TokenKind.NEWLINE) && !end.is(TokenKind.RBRACE)) {
          throw in.error(
              end,
              "expected the end of the line after the assignment, found " + end.describe(),
              "one assignment per line");
        }
      } catch (ParseError e) {
        in.syncLine();
      }
    }
    return new Statement.When(cond, body, kw.span());
  }

  private Statement.Assign assignment() {
    Ident target = in.name("a field name");
    Token eq = in.peek();
    if (!eq.is(TokenKind.ASSIGN)) {
      throw in.error(
          eq,
          "expected `=` after `" + target.name() + "`, found " + eq.describe(),
          "assign with `" + target.name() + " = VALUE`");
    }
    in.next();
    Node value = expressions.expr();
    return new Statement.Assign(target, value, target.span().to(value.span()));
  }

  private Statement.Require require() {
    Token kw = in.next();
    Node cond = expressions.expr();
    noAssignInCondition();
    String message = null;
    if (in.peek().is(TokenKind.COLON)) {
      in.next();
      Token m = in.peek();
      if (!m.is(TokenKind.STRING)) {
        throw in.error(
            m,
            "expected the message string after `:`, found " + m.describe(),
            "require COND : \"what went wrong\"");
      }
      in.next();
      message = m.text();
    }
    return new Statement.Require(cond, message, kw.span());
  }

  private void noAssignInCondition() {
    Token t = in.peek();
    if (t.is(TokenKind.ASSIGN)) {
      throw in.error(t, "`=` assigns a field; a condition compares with `==`", "write `==`");
    }
  }
}
