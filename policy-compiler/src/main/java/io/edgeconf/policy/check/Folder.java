package io.edgeconf.policy.check;

import io.edgeconf.policy.model.Arithmetic;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.Expr.Arith;
import io.edgeconf.policy.model.Expr.BoardLit;
import io.edgeconf.policy.model.Expr.BoolLit;
import io.edgeconf.policy.model.Expr.Clamp;
import io.edgeconf.policy.model.Expr.Compare;
import io.edgeconf.policy.model.Expr.EnumLit;
import io.edgeconf.policy.model.Expr.FwLit;
import io.edgeconf.policy.model.Expr.IntLit;
import io.edgeconf.policy.model.Expr.Logic;
import io.edgeconf.policy.model.Expr.Max;
import io.edgeconf.policy.model.Expr.Min;
import io.edgeconf.policy.model.Expr.Neg;
import io.edgeconf.policy.model.Expr.Not;
import io.edgeconf.policy.model.Expr.StrLit;
import io.edgeconf.policy.model.LogicOp;

/**
 * Folds one node whose operands are already folded: operators on literals become literals, and
 * {@code and}/{@code or} with a literal left operand (or a neutral right one) simplify. Never
 * removes an evaluation that could fail, so folding keeps error -4 where it would occur.
 */
final class Folder {
  private Folder() {}

  /**
   * @throws ArithmeticException when a constant operation overflows or divides by zero
   */
  static Expr fold(Expr e) {
    return switch (e) {
      case Neg n when n.operand() instanceof IntLit i ->
          new IntLit(Arithmetic.negate(i.value()), n.pos());
      case Not n when n.operand() instanceof BoolLit b -> new BoolLit(!b.value(), n.pos());
      case Arith a when a.left() instanceof IntLit l && a.right() instanceof IntLit r ->
          new IntLit(Arithmetic.apply(a.op(), l.value(), r.value()), a.pos());
      case Min m when m.a() instanceof IntLit x && m.b() instanceof IntLit y ->
          new IntLit(Math.min(x.value(), y.value()), m.pos());
      case Max m when m.a() instanceof IntLit x && m.b() instanceof IntLit y ->
          new IntLit(Math.max(x.value(), y.value()), m.pos());
      case Clamp c
          when c.x() instanceof IntLit x
              && c.lo() instanceof IntLit lo
              && c.hi() instanceof IntLit hi ->
          new IntLit(Arithmetic.clamp(x.value(), lo.value(), hi.value()), c.pos());
      case Logic l -> logic(l);
      case Compare c when c.left().isLiteral() && c.right().isLiteral() ->
          new BoolLit(c.op().test(compareLiterals(c.left(), c.right())), c.pos());
      default -> e;
    };
  }

  private static Expr logic(Logic l) {
    boolean and = l.op() == LogicOp.AND;
    if (l.left() instanceof BoolLit b) {
      // true and X = X; false and X = false; true or X = true; false or X = X
      return b.value() == and ? l.right() : new BoolLit(b.value(), l.pos());
    }
    if (l.right() instanceof BoolLit b && b.value() == and) {
      return l.left();
    }
    return l;
  }

  /** Three-way comparison of two literals of comparable types. */
  static int compareLiterals(Expr a, Expr b) {
    return switch (a) {
      case IntLit x -> Long.compare(x.value(), ((IntLit) b).value());
      case BoolLit x -> Boolean.compare(x.value(), ((BoolLit) b).value());
      case StrLit x -> x.value().equals(((StrLit) b).value()) ? 0 : 1;
      case EnumLit x -> Integer.compare(x.index(), ((EnumLit) b).index());
      case BoardLit x -> x.board().equals(((BoardLit) b).board()) ? 0 : 1;
      case FwLit x -> x.version().compareTo(((FwLit) b).version());
      default -> throw new IllegalStateException("not a literal: " + a);
    };
  }
}
