package io.edgeconf.policy.eval;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.policy.model.Arithmetic;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.FwVersion;
import io.edgeconf.policy.model.LogicOp;

/**
 * Evaluates typed expressions for one device against the current field values. Values: {@link Long}
 * for integers and enum indexes, {@link Boolean}, {@link String} for strings and boards, {@link
 * FwVersion}. Arithmetic errors throw {@link ArithmeticException}.
 */
final class ExprEvaluator {
  private final DeviceAttributes device;
  private final FwVersion fw;
  private final Object[] fields;

  ExprEvaluator(DeviceAttributes device, Object[] fields) {
    this.device = device;
    this.fw = FwVersion.parse(device.fw());
    this.fields = fields;
  }

  boolean test(Expr e) {
    return (Boolean) eval(e);
  }

  Object eval(Expr e) {
    return switch (e) {
      case Expr.IntLit i -> i.value();
      case Expr.BoolLit b -> b.value();
      case Expr.StrLit s -> s.value();
      case Expr.EnumLit m -> (long) m.index();
      case Expr.BoardLit b -> b.board();
      case Expr.FwLit f -> f.version();
      case Expr.FieldRef f -> fields[f.index()];
      case Expr.DeviceAttr a ->
          switch (a.attribute()) {
            case BOARD -> device.board();
            case ID -> device.id();
            case ZONE -> device.zone();
            case FW -> fw;
          };
      case Expr.Tag t -> device.tags().contains(t.tag());
      case Expr.StrAttr s -> device.attrs().getOrDefault(s.key(), "");
      case Expr.NumAttr n -> device.nums().getOrDefault(n.key(), n.defaultValue());
      case Expr.Neg n -> Arithmetic.negate(integer(n.operand()));
      case Expr.Not n -> !test(n.operand());
      case Expr.Logic l ->
          l.op() == LogicOp.AND
              ? test(l.left()) && test(l.right())
              : test(l.left()) || test(l.right());
      case Expr.Arith a -> Arithmetic.apply(a.op(), integer(a.left()), integer(a.right()));
      case Expr.Compare c -> c.op().test(compare(eval(c.left()), eval(c.right())));
      case Expr.Min m -> Math.min(integer(m.a()), integer(m.b()));
      case Expr.Max m -> Math.max(integer(m.a()), integer(m.b()));
      case Expr.Clamp c -> Arithmetic.clamp(integer(c.x()), integer(c.lo()), integer(c.hi()));
    };
  }

  private long integer(Expr e) {
    return (Long) eval(e);
  }

  /** Three-way comparison; unordered kinds give 0 for equal and 1 otherwise. */
  static int compare(Object a, Object b) {
    return switch (a) {
      case Long x -> Long.compare(x, (Long) b);
      case FwVersion v -> v.compareTo((FwVersion) b);
      default -> a.equals(b) ? 0 : 1;
    };
  }
}
