package io.edgeconf.policy.check;

import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.diag.Suggest;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.Type;
import io.edgeconf.policy.parse.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Types the built-in functions: {@code tag attr num min max clamp}. */
final class Calls {
  static final List<String> FUNCTIONS = List.of("tag", "attr", "num", "min", "max", "clamp");

  private final DiagnosticSink sink;
  private final ExprChecker exprs;

  Calls(DiagnosticSink sink, ExprChecker exprs) {
    this.sink = sink;
    this.exprs = exprs;
  }

  static String usage(String fn) {
    return switch (fn) {
      case "tag" -> "`tag(\"heater\")`";
      case "attr" -> "`attr(\"room\")`";
      case "num" -> "`num(\"floor\", 0)`";
      case "min" -> "`min(a, b)`";
      case "max" -> "`max(a, b)`";
      default -> "`clamp(x, lo, hi)`";
    };
  }

  Expr call(Node.Call c) {
    String fn = c.name();
    int arity =
        switch (fn) {
          case "tag", "attr" -> 1;
          case "num", "min", "max" -> 2;
          case "clamp" -> 3;
          default -> -1;
        };
    if (arity < 0) {
      String hint = Suggest.didYouMean(fn, FUNCTIONS);
      exprs.error(
          c.nameSpan(),
          "unknown function `" + fn + "`",
          hint.isEmpty() ? "functions: " + String.join(", ", FUNCTIONS) : hint);
      return null;
    }
    if (c.args().size() != arity) {
      exprs.error(
          c.span(),
          "`"
              + fn
              + "` takes "
              + arity
              + " argument"
              + (arity == 1 ? "" : "s")
              + ", not "
              + c.args().size(),
          usage(fn));
      return null;
    }
    var pos = c.span().pos();
    return switch (fn) {
      case "tag" -> {
        String key = key(c, "tag name");
        yield key == null ? null : new Expr.Tag(key, pos);
      }
      case "attr" -> {
        String key = key(c, "attribute key");
        yield key == null ? null : new Expr.StrAttr(key, pos);
      }
      case "num" -> {
        String key = key(c, "attribute key");
        Expr d = exprs.checkAs(c.args().get(1), Type.INT, "the default of `num`");
        if (d != null && !(d instanceof Expr.IntLit)) {
          exprs.error(c.args().get(1).span(), "the default of `num` must be a constant", usage(fn));
          yield null;
        }
        yield key == null || d == null
            ? null
            : new Expr.NumAttr(key, ((Expr.IntLit) d).value(), pos);
      }
      default -> numeric(c, fn);
    };
  }

  private Expr numeric(Node.Call c, String fn) {
    List<Expr> args = new ArrayList<>();
    for (Node a : c.args()) {
      Expr e = exprs.checkAs(a, Type.INT, "an argument of `" + fn + "`");
      if (e == null) {
        return null;
      }
      args.add(e);
    }
    var pos = c.span().pos();
    return switch (fn) {
      case "min" -> new Expr.Min(args.get(0), args.get(1), pos);
      case "max" -> new Expr.Max(args.get(0), args.get(1), pos);
      default -> new Expr.Clamp(args.get(0), args.get(1), args.get(2), pos);
    };
  }

  /** The string-literal key of tag/attr/num, checked for what a descriptor can carry. */
  private String key(Node.Call c, String what) {
    Node arg = c.args().get(0);
    if (!(arg instanceof Node.Str s)) {
      exprs.error(
          arg.span(),
          "the " + what + " of `" + c.name() + "` must be a string literal",
          usage(c.name()));
      return null;
    }
    String key = s.value();
    if (key.isEmpty() || key.indexOf('\0') >= 0) {
      exprs.error(arg.span(), "the " + what + " must not be empty or contain NUL", usage(c.name()));
      return null;
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > 200) {
      exprs.error(
          arg.span(),
          "the " + what + " is longer than a device descriptor can carry (200 bytes)",
          "");
      return null;
    }
    return key;
  }
}
