package io.edgeconf.policy.parse;

import java.math.BigInteger;
import java.util.List;

/** An untyped expression as parsed; the checker turns it into a typed {@code Expr}. */
public sealed interface Node {
  /** Where the expression stands. */
  Span span();

  /** An integer literal, or a duration already in milliseconds. */
  record Num(BigInteger value, boolean duration, Span span) implements Node {}

  /** A decimal number such as {@code 2.5}: valid only before {@code %} in a rollout. */
  record Decimal(String text, Span span) implements Node {}

  /** A string literal, escapes resolved. */
  record Str(String value, Span span) implements Node {}

  /** {@code true} / {@code false}. */
  record Bool(boolean value, Span span) implements Node {}

  /** A name: a field, a device attribute, an enum member or a board. */
  record Name(String name, Span span) implements Node {}

  /** {@code name(args)}. */
  record Call(String name, Span nameSpan, List<Node> args, Span span) implements Node {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code -x} or {@code not x}. */
  record Unary(String op, Node operand, Span span) implements Node {}

  /** {@code left op right}; {@code opSpan} is the operator's place. */
  record Binary(String op, Span opSpan, Node left, Node right, Span span) implements Node {}
}
