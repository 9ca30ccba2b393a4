package io.edgeconf.policy.parse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The expression grammar, loosest binding first: {@code or}, {@code and}, {@code not}, comparisons
 * (which do not chain), {@code + -}, {@code * / %}, unary {@code -}, then literals, names, calls
 * and parentheses. Rejects trees nested deeper than {@link #MAX_DEPTH}. Syntax errors are thrown as
 * {@link TokenCursor.ParseError} through the cursor. Not thread-safe.
 */
final class ExpressionParser {
  /** The deepest expression tree accepted; deeper ones would exhaust the checker's stack. */
  static final int MAX_DEPTH = 200;

  private final TokenCursor in;
  private final IdentityHashMap<Node, Integer> depths = new IdentityHashMap<>();
  private int nesting;

  ExpressionParser(TokenCursor in) {
    this.in = in;
  }

  /**
   * Forgets the recursion depth an error left behind when it unwound out of an expression; called
   * before each statement and each line of a rule body.
   */
  void resetNesting() {
    nesting = 0;
  }

  /** Parses one expression. */
  Node expr() {
    enter();
    try {
      return or();
    } finally {
      nesting--;
    }
  }

  /** Guards the recursion of nested parentheses, {@code not} and {@code -}. */
  private void enter() {
    if (++nesting > MAX_DEPTH) {
      throw in.error(
          in.peek(), "expression nested more than " + MAX_DEPTH + " levels deep", "split it up");
    }
  }

  /** Records the depth of a new node, rejecting it when the tree gets too deep. */
  private <N extends Node> N deep(N node) {
    int d = 1;
    switch (node) {
      case Node.Binary b -> d += Math.max(depth(b.left()), depth(b.right()));
      case Node.Unary u -> d += depth(u.operand());
      case Node.Call c -> d += c.args().stream().mapToInt(this::depth).max().orElse(0);
      default -> {}
    }
    if (d > MAX_DEPTH) {
      throw in.error(
          in.peek(), "expression nested more than " + MAX_DEPTH + " levels deep", "split it up");
    }
    depths.put(node, d);
    return node;
  }

  private int depth(Node n) {
    return depths.getOrDefault(n, 1);
  }

  private Node or() {
    Node left = and();
    while (in.peek().isWord("or")) {
      Token op = in.next();
      Node right = and();
      left = deep(new Node.Binary("or", op.span(), left, right, left.span().to(right.span())));
    }
    return left;
  }

  private Node and() {
    Node left = not();
    while (in.peek().isWord("and")) {
      Token op = in.next();
      Node right = not();
      left = deep(new Node.Binary("and", op.span(), left, right, left.span().to(right.span())));
    }
    return left;
  }

  private Node not() {
    if (in.peek().isWord("not")) {
      Token op = in.next();
      enter();
      Node operand = not();
      nesting--;
      return deep(new Node.Unary("not", operand, op.span().to(operand.span())));
    }
    return comparison();
  }

  private Node comparison() {
    Node left = additive();
    if (isComparison(in.peek())) {
      Token op = in.next();
      Node right = additive();
      if (isComparison(in.peek())) {
        throw in.error(
            in.peek(), "comparisons do not chain", "combine them with `and`: `a < b and b < c`");
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
    while (in.peek().is(TokenKind.PLUS) || in.peek().is(TokenKind.MINUS)) {
      Token op = in.next();
      Node right = multiplicative();
      left = deep(new Node.Binary(op.text(), op.span(), left, right, left.span().to(right.span())));
    }
    return left;
  }

  private Node multiplicative() {
    Node left = unary();
    while (in.peek().is(TokenKind.STAR)
        || in.peek().is(TokenKind.SLASH)
        || in.peek().is(TokenKind.PERCENT)) {
      Token op = in.next();
      if (op.is(TokenKind.PERCENT)
          && (in.peek().is(TokenKind.NEWLINE) || in.peek().is(TokenKind.EOF))) {
        throw in.error(
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
    if (in.peek().is(TokenKind.MINUS)) {
      Token op = in.next();
      enter();
      Node operand = unary();
      nesting--;
      return deep(new Node.Unary("-", operand, op.span().to(operand.span())));
    }
    return primary();
  }

  private Node primary() {
    Token t = in.peek();
    switch (t.kind()) {
      case INT, DURATION -> {
        in.next();
        return new Node.Num(new BigInteger(t.text()), t.is(TokenKind.DURATION), t.span());
      }
      case DECIMAL -> {
        in.next();
        return new Node.Decimal(t.text(), t.span());
      }
      case STRING -> {
        in.next();
        return new Node.Str(t.text(), t.span());
      }
      case LPAREN -> {
        in.next();
        Node inner = expr();
        Token close = in.peek();
        if (!close.is(TokenKind.RPAREN)) {
          throw in.error(
              close, "expected `)`, found " + close.describe(), "close the `(` at " + t.pos());
        }
        in.next();
        return inner;
      }
      case IDENT -> {
        return nameOrCall(t);
      }
      default -> throw in.error(t, "expected a value, found " + t.describe(), "");
    }
  }

  /** {@code true}, {@code false}, a name, or a call {@code NAME(ARG, ...)}. */
  private Node nameOrCall(Token t) {
    in.next();
    if (t.text().equals("true") || t.text().equals("false")) {
      return new Node.Bool(t.text().equals("true"), t.span());
    }
    if (Keywords.isKeyword(t.text())) {
      throw in.error(t, "`" + t.text() + "` is a keyword, not a value", "");
    }
    if (!in.peek().is(TokenKind.LPAREN)) {
      return new Node.Name(t.text(), t.span());
    }
    in.next();
    List<Node> args = new ArrayList<>();
    if (!in.peek().is(TokenKind.RPAREN)) {
      args.add(expr());
      while (in.peek().is(TokenKind.COMMA)) {
        in.next();
        args.add(expr());
      }
    }
    Token close = in.peek();
    if (!close.is(TokenKind.RPAREN)) {
      throw in.error(
          close,
          "expected `,` or `)` in the call of `" + t.text() + "`, found " + close.describe(),
          "");
    }
    in.next();
    return deep(new Node.Call(t.text(), t.span(), args, t.span().to(close.span())));
  }
}
