package io.edgeconf.policy.check;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.diag.Suggest;
import io.edgeconf.policy.model.ArithOp;
import io.edgeconf.policy.model.Attribute;
import io.edgeconf.policy.model.CmpOp;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.FwVersion;
import io.edgeconf.policy.model.LogicOp;
import io.edgeconf.policy.model.Type;
import io.edgeconf.policy.parse.Node;
import io.edgeconf.policy.parse.Span;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Types one untyped expression and folds its constants. Errors go to the sink and give {@code
 * null}; a null operand gives null without a further message, so one mistake makes one error.
 */
final class ExprChecker {
  private static final BigInteger LONG_MIN_MAGNITUDE = BigInteger.ONE.shiftLeft(63);

  private final DiagnosticSink sink;
  private final FieldTable fields;
  private final Calls calls;

  ExprChecker(DiagnosticSink sink, FieldTable fields) {
    this.sink = sink;
    this.fields = fields;
    this.calls = new Calls(sink, this);
  }

  /**
   * Types {@code n}. {@code expected} (nullable) only resolves names that depend on context (enum
   * members, boards, version strings); the caller checks the resulting type.
   */
  Expr check(Node n, Type expected) {
    Expr e =
        switch (n) {
          case Node.Num num -> intLiteral(num.value(), num.span());
          case Node.Decimal d -> {
            error(
                d.span(),
                "a decimal number is only allowed as a rollout percentage",
                "use an integer");
            yield null;
          }
          case Node.Str s -> string(s, expected);
          case Node.Bool b -> new Expr.BoolLit(b.value(), b.span().pos());
          case Node.Name name -> name(name, expected);
          case Node.Call c -> calls.call(c);
          case Node.Unary u -> unary(u);
          case Node.Binary b -> binary(b);
        };
    return e == null ? null : fold(e, n.span());
  }

  /** Types {@code n} and reports an error unless its type is {@code want}. */
  Expr checkAs(Node n, Type want, String what) {
    Expr e = check(n, want);
    if (e != null && !want.comparableWith(e.type())) {
      error(
          n.span(),
          what + " must be " + article(want) + ", not " + article(e.type()),
          hintFor(want, e));
      return null;
    }
    return e;
  }

  private static String hintFor(Type want, Expr got) {
    if (want.kind() == Type.Kind.ENUM) {
      return "one of: " + String.join(", ", want.members());
    }
    if (want.kind() == Type.Kind.BOOL && got.type().kind() == Type.Kind.INT) {
      return "compare it, e.g. `x > 0`";
    }
    return "";
  }

  static String article(Type t) {
    return switch (t.kind()) {
      case INT -> "an integer";
      case ENUM -> "a member of " + t.describe();
      case FW -> "a firmware version";
      default -> "a " + t.describe();
    };
  }

  Expr intLiteral(BigInteger v, Span span) {
    if (v.bitLength() > 63) {
      error(
          span,
          "integer " + span.text() + " does not fit in 64 bits",
          "integers lie in -9223372036854775808..9223372036854775807");
      return null;
    }
    return new Expr.IntLit(v.longValue(), span.pos());
  }

  private Expr string(Node.Str s, Type expected) {
    if (expected != null && expected.kind() == Type.Kind.FW) {
      if (!FwVersion.isVersion(s.value())) {
        error(
            s.span(), "\"" + s.value() + "\" is not a version MAJOR.MINOR.PATCH", "e.g. \"1.4.2\"");
        return null;
      }
      return new Expr.FwLit(FwVersion.parse(s.value()), s.span().pos());
    }
    return new Expr.StrLit(s.value(), s.span().pos());
  }

  private Expr name(Node.Name n, Type expected) {
    String name = n.name();
    if (expected != null
        && expected.kind() == Type.Kind.ENUM
        && expected.members().contains(name)) {
      return new Expr.EnumLit(expected, expected.members().indexOf(name), n.span().pos());
    }
    int field = fields.indexOf(name);
    if (field >= 0) {
      return new Expr.FieldRef(field, fields.type(field), n.span().pos());
    }
    if (fields.isBroken(name)) {
      return null;
    }
    for (Attribute a : Attribute.values()) {
      if (a.keyword().equals(name)) {
        return new Expr.DeviceAttr(a, n.span().pos());
      }
    }
    if (BoardCatalogue.find(name).isPresent()) {
      return new Expr.BoardLit(name, n.span().pos());
    }
    unknownName(n, expected);
    return null;
  }

  private void unknownName(Node.Name n, Type expected) {
    String name = n.name();
    if (Calls.FUNCTIONS.contains(name)) {
      error(n.span(), "`" + name + "` is a function", "call it: " + Calls.usage(name));
      return;
    }
    List<String> candidates = new ArrayList<>(fields.names());
    for (Attribute a : Attribute.values()) {
      candidates.add(a.keyword());
    }
    candidates.addAll(BoardCatalogue.names());
    if (expected != null && expected.kind() == Type.Kind.ENUM) {
      candidates.addAll(expected.members());
    }
    String hint = Suggest.didYouMean(name, candidates);
    int declaring = fields.enumDeclaring(name);
    if (hint.isEmpty() && declaring >= 0) {
      String field = fields.spec(declaring).name();
      hint =
          "`"
              + name
              + "` is a member of field `"
              + field
              + "`'s enum; use it as in `"
              + field
              + " == "
              + name
              + "`";
    } else if (hint.isEmpty() && expected != null && expected.kind() == Type.Kind.STRING) {
      hint = "strings are quoted: \"" + name + "\"";
    } else if (hint.isEmpty() && expected != null && expected.kind() == Type.Kind.ENUM) {
      hint = "members: " + String.join(", ", expected.members());
    }
    String what =
        expected != null && expected.kind() == Type.Kind.ENUM
            ? "unknown enum member or name"
            : "unknown name";
    error(n.span(), what + " `" + name + "`", hint);
  }

  private Expr unary(Node.Unary u) {
    if (u.op().equals("-")) {
      if (u.operand() instanceof Node.Num num && num.value().equals(LONG_MIN_MAGNITUDE)) {
        return new Expr.IntLit(Long.MIN_VALUE, u.span().pos());
      }
      Expr x = check(u.operand(), null);
      if (x == null) {
        return null;
      }
      if (x.type().kind() != Type.Kind.INT) {
        error(u.span(), "`-` needs an integer, not " + article(x.type()), "");
        return null;
      }
      return new Expr.Neg(x, u.span().pos());
    }
    Expr x = check(u.operand(), null);
    if (x == null) {
      return null;
    }
    if (x.type().kind() != Type.Kind.BOOL) {
      error(u.span(), "`not` needs a bool, not " + article(x.type()), "");
      return null;
    }
    return new Expr.Not(x, u.span().pos());
  }

  private Expr binary(Node.Binary b) {
    return switch (b.op()) {
      case "and", "or" -> logic(b);
      case "+", "-", "*", "/", "%" -> arith(b);
      default -> compare(b);
    };
  }

  private Expr logic(Node.Binary b) {
    Expr l = check(b.left(), null);
    Expr r = check(b.right(), null);
    if (l == null || r == null) {
      return null;
    }
    for (Expr side : List.of(l, r)) {
      if (side.type().kind() != Type.Kind.BOOL) {
        Span s = side == l ? b.left().span() : b.right().span();
        error(s, "`" + b.op() + "` needs bool operands, not " + article(side.type()), "");
        return null;
      }
    }
    return new Expr.Logic(b.op().equals("and") ? LogicOp.AND : LogicOp.OR, l, r, b.span().pos());
  }

  private Expr arith(Node.Binary b) {
    Expr l = check(b.left(), null);
    Expr r = check(b.right(), null);
    if (l == null || r == null) {
      return null;
    }
    for (Expr side : List.of(l, r)) {
      if (side.type().kind() != Type.Kind.INT) {
        String hint =
            side.type().kind() == Type.Kind.STRING ? "strings support only == and !=" : "";
        error(
            b.opSpan(),
            "`" + b.op() + "` needs integer operands, not " + article(side.type()),
            hint);
        return null;
      }
    }
    ArithOp op =
        switch (b.op()) {
          case "+" -> ArithOp.ADD;
          case "-" -> ArithOp.SUB;
          case "*" -> ArithOp.MUL;
          case "/" -> ArithOp.DIV;
          default -> ArithOp.REM;
        };
    return new Expr.Arith(op, l, r, b.span().pos());
  }

  private Expr compare(Node.Binary b) {
    Expr l;
    Expr r;
    if (contextual(b.left()) && !contextual(b.right())) {
      r = check(b.right(), null);
      l = r == null ? null : check(b.left(), r.type());
    } else {
      l = check(b.left(), null);
      r = l == null ? null : check(b.right(), l.type());
    }
    if (l == null || r == null) {
      return null;
    }
    CmpOp op =
        switch (b.op()) {
          case "==" -> CmpOp.EQ;
          case "!=" -> CmpOp.NE;
          case "<" -> CmpOp.LT;
          case "<=" -> CmpOp.LE;
          case ">" -> CmpOp.GT;
          default -> CmpOp.GE;
        };
    if (!l.type().comparableWith(r.type())) {
      error(
          b.opSpan(),
          "cannot compare " + article(l.type()) + " with " + article(r.type()),
          compareHint(l, r));
      return null;
    }
    Type.Kind k = l.type().kind();
    if (!op.isEquality() && k != Type.Kind.INT && k != Type.Kind.FW) {
      error(
          b.opSpan(),
          "`" + b.op() + "` does not order " + l.type().describe() + " values",
          "only `==` and `!=` compare them");
      return null;
    }
    return new Expr.Compare(op, l, r, b.span().pos());
  }

  private static String compareHint(Expr l, Expr r) {
    Type.Kind a = l.type().kind();
    Type.Kind c = r.type().kind();
    if ((a == Type.Kind.BOARD && c == Type.Kind.STRING)
        || (a == Type.Kind.STRING && c == Type.Kind.BOARD)) {
      return "board names are not quoted: `board == esp32`";
    }
    if (a == Type.Kind.FW || c == Type.Kind.FW) {
      return "compare fw with a version string: `fw >= \"1.4.0\"`";
    }
    return "";
  }

  /** Whether the node's type depends on the other side (a bare unknown name or a string). */
  private boolean contextual(Node n) {
    if (n instanceof Node.Str) {
      return true;
    }
    if (n instanceof Node.Name name) {
      String s = name.name();
      return !fields.contains(s)
          && java.util.Arrays.stream(Attribute.values()).noneMatch(a -> a.keyword().equals(s));
    }
    return false;
  }

  private Expr fold(Expr e, Span span) {
    try {
      return Folder.fold(e);
    } catch (ArithmeticException ex) {
      String what =
          ex.getMessage() != null && ex.getMessage().contains("zero")
              ? "divides by zero"
              : "overflows 64 bits";
      error(span, "this constant expression " + what, "");
      return null;
    }
  }

  void error(Span span, String message, String hint) {
    sink.error(span.pos(), span.caretLength(), message, hint);
  }
}
