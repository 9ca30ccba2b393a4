package io.edgeconf.policy.codegen;

import io.edgeconf.policy.model.Arithmetic;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.FwVersion;
import io.edgeconf.policy.model.LogicOp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Evaluates an expression over the finite value sets of {@link FieldValues}: the set of values it
 * can take for every device, or {@code null} when that depends on the device or when some
 * combination fails (overflow, division by zero), which the generated code then handles at render
 * time. A singleton is a constant the generator folds. Values: {@link Long} (integers, enum
 * indexes), {@link Boolean}, {@link String} (strings and board names), {@link FwVersion}.
 * Stateless.
 */
final class ValueSets {
  private ValueSets() {}

  /** The set of values, or null when not known at compile time. */
  static Set<Object> of(Expr e, FieldValues state) {
    try {
      Set<Object> s = eval(e, state);
      return s == null || s.size() > FieldValues.MAX_SET ? null : s;
    } catch (ArithmeticException ex) {
      return null;
    }
  }

  /** The one value of an expression, or null when it has several or is not known. */
  static Object single(Expr e, FieldValues state) {
    Set<Object> s = of(e, state);
    return s != null && s.size() == 1 ? s.iterator().next() : null;
  }

  private static Set<Object> eval(Expr e, FieldValues state) {
    return switch (e) {
      case Expr.IntLit i -> Set.of(i.value());
      case Expr.BoolLit b -> Set.of(b.value());
      case Expr.StrLit s -> Set.of(s.value());
      case Expr.EnumLit l -> Set.of((long) l.index());
      case Expr.BoardLit b -> Set.of(b.board());
      case Expr.FwLit f -> Set.of(f.version());
      case Expr.FieldRef f -> state.get(f.index());
      case Expr.DeviceAttr a -> null;
      case Expr.Tag t -> null;
      case Expr.StrAttr a -> null;
      case Expr.NumAttr n -> null;
      case Expr.Neg n -> map(eval(n.operand(), state), v -> Arithmetic.negate((Long) v));
      case Expr.Not n -> map(eval(n.operand(), state), v -> !(Boolean) v);
      case Expr.Arith a ->
          pairs(
              eval(a.left(), state),
              eval(a.right(), state),
              (x, y) -> Arithmetic.apply(a.op(), (Long) x, (Long) y));
      case Expr.Min m ->
          pairs(eval(m.a(), state), eval(m.b(), state), (x, y) -> Math.min((Long) x, (Long) y));
      case Expr.Max m ->
          pairs(eval(m.a(), state), eval(m.b(), state), (x, y) -> Math.max((Long) x, (Long) y));
      case Expr.Clamp c ->
          pairs(
              pairs(
                  eval(c.x(), state),
                  eval(c.lo(), state),
                  (x, lo) -> Math.max((Long) x, (Long) lo)),
              eval(c.hi(), state),
              (x, hi) -> Math.min((Long) x, (Long) hi));
      case Expr.Compare c ->
          pairs(
              eval(c.left(), state), eval(c.right(), state), (x, y) -> c.op().test(compare(x, y)));
      case Expr.Logic l -> logic(l, state);
    };
  }

  private static Set<Object> logic(Expr.Logic l, FieldValues state) {
    Set<Object> left = eval(l.left(), state);
    if (left == null) {
      return null;
    }
    boolean and = l.op() == LogicOp.AND;
    // and: a false left decides; or: a true left decides. Otherwise the right side is evaluated.
    Set<Object> out = new LinkedHashSet<>();
    if (left.contains(!and)) {
      out.add(!and);
    }
    if (left.contains(and)) {
      Set<Object> right = eval(l.right(), state);
      if (right == null) {
        return null;
      }
      out.addAll(right);
    }
    return out;
  }

  private static int compare(Object x, Object y) {
    if (x instanceof Long a && y instanceof Long b) {
      return Long.compare(a, b);
    }
    if (x instanceof FwVersion a && y instanceof FwVersion b) {
      return a.compareTo(b);
    }
    return x.equals(y) ? 0 : 1;
  }

  private static Set<Object> map(Set<Object> in, java.util.function.UnaryOperator<Object> f) {
    if (in == null) {
      return null;
    }
    Set<Object> out = new LinkedHashSet<>();
    for (Object v : in) {
      out.add(f.apply(v));
    }
    return out;
  }

  private static Set<Object> pairs(Set<Object> a, Set<Object> b, BinaryOperator<Object> f) {
    if (a == null || b == null || (long) a.size() * b.size() > 1024) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (Object x : a) {
      for (Object y : b) {
        out.add(f.apply(x, y));
      }
    }
    Set<Object> set = new LinkedHashSet<>(out);
    return set.size() > FieldValues.MAX_SET ? null : set;
  }
}
