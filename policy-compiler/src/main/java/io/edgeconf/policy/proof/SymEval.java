package io.edgeconf.policy.proof;

import io.edgeconf.policy.model.ArithOp;
import io.edgeconf.policy.model.Arithmetic;
import io.edgeconf.policy.model.CmpOp;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.FwVersion;
import io.edgeconf.policy.model.LogicOp;
import io.edgeconf.policy.proof.PVal.AttrRef;
import io.edgeconf.policy.proof.PVal.Known;
import io.edgeconf.policy.proof.PVal.Maybe;
import io.edgeconf.policy.proof.PVal.Range;
import java.math.BigInteger;

/**
 * Evaluates an expression on one proof path. Exact where the path decides everything; otherwise it
 * says which atom to split on, or gives a range or an opaque value.
 */
final class SymEval {
  /** An arithmetic error: certain when every operand was exact, else possible. */
  static final class ArithFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean certain;

    ArithFault(String message, boolean certain) {
      super(message, null, false, false);
      this.certain = certain;
    }
  }

  private final PathState state;

  SymEval(PathState state) {
    this.state = state;
  }

  PVal eval(Expr e) {
    return switch (e) {
      case Expr.IntLit i -> new Known(i.value());
      case Expr.BoolLit b -> new Known(b.value());
      case Expr.StrLit s -> new Known(s.value());
      case Expr.EnumLit m -> new Known((long) m.index());
      case Expr.BoardLit b -> new Known(b.board());
      case Expr.FwLit f -> new Known(f.version());
      case Expr.FieldRef f -> state.field(f.index());
      case Expr.DeviceAttr a -> attr(a.attribute().keyword());
      case Expr.StrAttr s -> attr("attr:" + s.key());
      case Expr.Tag t -> atom(new Atom.HasTag(t.tag()), true);
      case Expr.NumAttr n ->
          new Range(
              Long.MIN_VALUE, Long.MAX_VALUE, "num(\"" + n.key() + "\", " + n.defaultValue() + ")");
      case Expr.Neg n -> arith(ArithOp.SUB, new Known(0L), eval(n.operand()));
      case Expr.Not n -> not(eval(n.operand()));
      case Expr.Logic l -> logic(l);
      case Expr.Arith a -> arith(a.op(), eval(a.left()), eval(a.right()));
      case Expr.Compare c -> compare(c.op(), eval(c.left()), eval(c.right()));
      case Expr.Min m -> minMax(eval(m.a()), eval(m.b()), false);
      case Expr.Max m -> minMax(eval(m.a()), eval(m.b()), true);
      case Expr.Clamp c -> minMax(minMax(eval(c.x()), eval(c.lo()), true), eval(c.hi()), false);
    };
  }

  private PVal attr(String key) {
    if (key.equals("fw")) {
      return new AttrRef(key);
    }
    String pinned = state.constraints().pinned(key);
    return pinned != null ? new Known(pinned) : new AttrRef(key);
  }

  private PVal atom(Atom a, boolean positive) {
    Boolean decided = state.constraints().decide(a);
    return decided != null ? new Known(decided == positive) : new Maybe(a, positive, null);
  }

  private static PVal not(PVal v) {
    return switch (v) {
      case Known k -> new Known(!(Boolean) k.value());
      case Maybe m -> new Maybe(m.atom(), !m.positive(), m.reason());
      default -> v;
    };
  }

  private PVal logic(Expr.Logic l) {
    boolean and = l.op() == LogicOp.AND;
    PVal left = eval(l.left());
    if (left instanceof Known k) {
      return (Boolean) k.value() == and ? eval(l.right()) : k;
    }
    Maybe lm = (Maybe) left;
    if (lm.atom() != null) {
      return lm; // decide the left side first: the right side runs only for one of its values
    }
    PVal right;
    try {
      right = eval(l.right());
    } catch (ArithFault f) {
      throw new ArithFault(f.getMessage(), false);
    }
    if (right instanceof Known k && (Boolean) k.value() != and) {
      return k; // x and false = false, x or true = true
    }
    if (right instanceof Maybe rm && rm.atom() != null) {
      return rm;
    }
    return new Maybe(null, true, lm.reason());
  }

  private static PVal arith(ArithOp op, PVal a, PVal b) {
    if (a instanceof Known x && b instanceof Known y) {
      try {
        return new Known(Arithmetic.apply(op, (Long) x.value(), (Long) y.value()));
      } catch (ArithmeticException e) {
        throw new ArithFault(e.getMessage(), true);
      }
    }
    Range ra = range(a);
    Range rb = range(b);
    String reason = ra.reason() != null ? ra.reason() : rb.reason();
    BigInteger lo;
    BigInteger hi;
    switch (op) {
      case ADD, SUB, MUL -> {
        BigInteger[] c = corners(op, ra, rb);
        lo = c[0];
        hi = c[1];
      }
      case DIV -> {
        if (rb.lo() <= 0 && rb.hi() >= 0) {
          throw new ArithFault(
              "`" + op.symbol() + "` may divide by zero for some values of " + reason, false);
        }
        BigInteger[] c = corners(op, ra, rb);
        lo = c[0];
        hi = c[1];
      }
      default -> {
        if (rb.lo() <= 0 && rb.hi() >= 0) {
          throw new ArithFault(
              "`" + op.symbol() + "` may divide by zero for some values of " + reason, false);
        }
        BigInteger m =
            BigInteger.valueOf(rb.lo())
                .abs()
                .max(BigInteger.valueOf(rb.hi()).abs())
                .subtract(BigInteger.ONE);
        lo = ra.lo() < 0 ? m.negate() : BigInteger.ZERO;
        hi = ra.hi() > 0 ? m : BigInteger.ZERO;
      }
    }
    if (lo.bitLength() > 63 || hi.bitLength() > 63) {
      throw new ArithFault(
          "`" + op.symbol() + "` may overflow for some values of " + reason, false);
    }
    return new Range(lo.longValue(), hi.longValue(), reason);
  }

  private static BigInteger[] corners(ArithOp op, Range a, Range b) {
    BigInteger lo = null;
    BigInteger hi = null;
    for (long x : new long[] {a.lo(), a.hi()}) {
      for (long y : new long[] {b.lo(), b.hi()}) {
        BigInteger bx = BigInteger.valueOf(x);
        BigInteger by = BigInteger.valueOf(y);
        BigInteger r =
            switch (op) {
              case ADD -> bx.add(by);
              case SUB -> bx.subtract(by);
              case MUL -> bx.multiply(by);
              default -> bx.divide(by);
            };
        lo = lo == null || r.compareTo(lo) < 0 ? r : lo;
        hi = hi == null || r.compareTo(hi) > 0 ? r : hi;
      }
    }
    if (op == ArithOp.DIV) {
      // Dividing by a smaller magnitude within the divisor's range only shrinks toward the
      // corners' extremes when the divisor keeps its sign, which the zero check guarantees.
      BigInteger ax = BigInteger.valueOf(a.lo()).abs().max(BigInteger.valueOf(a.hi()).abs());
      lo = lo.min(ax.negate());
      hi = hi.max(ax);
    }
    return new BigInteger[] {lo, hi};
  }

  private static Range range(PVal v) {
    return switch (v) {
      case Known k -> new Range((Long) k.value(), (Long) k.value(), null);
      case Range r -> r;
      default -> throw new IllegalStateException("not an integer: " + v);
    };
  }

  private static PVal minMax(PVal a, PVal b, boolean max) {
    if (a instanceof Known x && b instanceof Known y) {
      long p = (Long) x.value();
      long q = (Long) y.value();
      return new Known(max ? Math.max(p, q) : Math.min(p, q));
    }
    Range ra = range(a);
    Range rb = range(b);
    long lo = max ? Math.max(ra.lo(), rb.lo()) : Math.min(ra.lo(), rb.lo());
    long hi = max ? Math.max(ra.hi(), rb.hi()) : Math.min(ra.hi(), rb.hi());
    if (lo == hi) {
      return new Known(lo);
    }
    return new Range(lo, hi, ra.reason() != null ? ra.reason() : rb.reason());
  }

  private PVal compare(CmpOp op, PVal a, PVal b) {
    if (a instanceof Maybe || b instanceof Maybe) {
      Maybe m = a instanceof Maybe ma ? ma : (Maybe) b;
      return m.atom() != null ? m : new Maybe(null, true, m.reason());
    }
    if (a instanceof Known x && b instanceof Known y) {
      return new Known(op.test(compareValues(x.value(), y.value())));
    }
    if (b instanceof AttrRef && a instanceof Known) {
      return compare(op.swap(), b, a);
    }
    if (a instanceof AttrRef ref && b instanceof Known k) {
      if (ref.key().equals("fw")) {
        return atom(new Atom.Fw(op, (FwVersion) k.value()), true);
      }
      return atom(new Atom.StrEq(ref.key(), (String) k.value()), op == CmpOp.EQ);
    }
    if (a instanceof AttrRef x && b instanceof AttrRef y) {
      if (x.key().equals(y.key())) {
        return new Known(op.test(0));
      }
      return new Maybe(null, true, "a comparison of " + describe(x) + " with " + describe(y));
    }
    Range ra = range(a);
    Range rb = range(b);
    boolean always = holdsForAll(op, ra, rb);
    boolean never = holdsForAll(op.negate(), ra, rb);
    if (always || never) {
      return new Known(always);
    }
    return new Maybe(null, true, ra.reason() != null ? ra.reason() : rb.reason());
  }

  private static boolean holdsForAll(CmpOp op, Range a, Range b) {
    return switch (op) {
      case LT -> a.hi() < b.lo();
      case LE -> a.hi() <= b.lo();
      case GT -> a.lo() > b.hi();
      case GE -> a.lo() >= b.hi();
      case EQ -> a.lo() == a.hi() && b.lo() == b.hi() && a.lo() == b.lo();
      case NE -> a.hi() < b.lo() || b.hi() < a.lo();
    };
  }

  static String describe(AttrRef ref) {
    String k = ref.key();
    return k.startsWith("attr:") ? "attr(\"" + k.substring(5) + "\")" : k;
  }

  static int compareValues(Object a, Object b) {
    return switch (a) {
      case Long x -> Long.compare(x, (Long) b);
      case FwVersion v -> v.compareTo((FwVersion) b);
      default -> a.equals(b) ? 0 : 1;
    };
  }
}
