package io.edgeconf.policy.codegen;

import io.edgeconf.policy.model.Attribute;
import io.edgeconf.policy.model.CmpOp;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.FwVersion;
import io.edgeconf.policy.model.LogicOp;
import io.edgeconf.policy.model.Type;
import io.edgeconf.policy.wasm.Code;
import io.edgeconf.policy.wasm.Op;
import io.edgeconf.policy.wasm.ValType;
import java.util.Map;

/**
 * Emits expressions: integers and enum indexes as i64, bools as i32, strings, board names and
 * firmware versions as packed i64 strings. Whatever {@link ValueSets} knows to be one constant is
 * emitted as that constant. Not thread-safe.
 */
final class ExprEmitter {
  private final Code code;
  private final Helpers helpers;
  private final DataPool data;
  private final int[] fieldLocals;
  private final Map<Attribute, Integer> attrLocals;

  /**
   * @param fieldLocals the local of each field that has one, else -1
   * @param attrLocals the locals holding the device attributes read from the descriptor
   */
  ExprEmitter(
      Code code,
      Helpers helpers,
      DataPool data,
      int[] fieldLocals,
      Map<Attribute, Integer> attrLocals) {
    this.code = code;
    this.helpers = helpers;
    this.data = data;
    this.fieldLocals = fieldLocals;
    this.attrLocals = attrLocals;
  }

  /** Pushes the value of {@code e} in the state the fields are in at this point. */
  void emit(Expr e, FieldValues state) {
    Object constant = ValueSets.single(e, state);
    if (constant != null) {
      constant(e.type(), constant);
      return;
    }
    switch (e) {
      case Expr.FieldRef f -> {
        int local = fieldLocals[f.index()];
        if (local < 0) {
          throw new IllegalStateException("field " + f.index() + " varies but has no local");
        }
        code.get(local);
        if (f.type().kind() == Type.Kind.BOOL) {
          code.op(Op.I32_WRAP_I64);
        }
      }
      case Expr.DeviceAttr a -> code.get(attrLocals.get(a.attribute()));
      case Expr.Tag t -> {
        code.i32(DescriptorHelpers.TAG_TAG)
            .i64(data.string(t.tag()))
            .call(helpers.descriptor().find());
        code.i64(0).op(Op.I64_NE);
      }
      case Expr.StrAttr a ->
          code.i32(DescriptorHelpers.TAG_ATTR)
              .i64(data.string(a.key()))
              .call(helpers.descriptor().find());
      case Expr.NumAttr n ->
          code.i64(data.string(n.key())).i64(n.defaultValue()).call(helpers.descriptor().num());
      case Expr.Neg n -> {
        code.i64(0);
        emit(n.operand(), state);
        code.call(helpers.arithmetic().arith(io.edgeconf.policy.model.ArithOp.SUB));
      }
      case Expr.Not n -> {
        emit(n.operand(), state);
        code.op(Op.I32_EQZ);
      }
      case Expr.Arith a -> {
        emit(a.left(), state);
        emit(a.right(), state);
        code.call(helpers.arithmetic().arith(a.op()));
      }
      case Expr.Min m -> {
        emit(m.a(), state);
        emit(m.b(), state);
        code.call(helpers.arithmetic().minMax(true));
      }
      case Expr.Max m -> {
        emit(m.a(), state);
        emit(m.b(), state);
        code.call(helpers.arithmetic().minMax(false));
      }
      case Expr.Clamp c -> {
        emit(c.x(), state);
        emit(c.lo(), state);
        code.call(helpers.arithmetic().minMax(false));
        emit(c.hi(), state);
        code.call(helpers.arithmetic().minMax(true));
      }
      case Expr.Compare c -> compare(c, state);
      case Expr.Logic l -> logic(l, state);
      default -> throw new IllegalStateException("a literal that did not fold: " + e);
    }
  }

  private void logic(Expr.Logic l, FieldValues state) {
    boolean and = l.op() == LogicOp.AND;
    Object left = ValueSets.single(l.left(), state);
    if (left != null) {
      // true and X = X, false or X = X (the other cases folded to a constant already)
      emit(l.right(), state);
      return;
    }
    emit(l.left(), state);
    code.ifThen(ValType.I32);
    if (and) {
      emit(l.right(), state);
      code.elseBranch().i32(0);
    } else {
      code.i32(1).elseBranch();
      emit(l.right(), state);
    }
    code.end();
  }

  private void compare(Expr.Compare c, FieldValues state) {
    emit(c.left(), state);
    emit(c.right(), state);
    CmpOp op = c.op();
    switch (c.left().type().kind()) {
      case INT -> code.op(intCompare(op));
      case ENUM -> code.op(op == CmpOp.EQ ? Op.I64_EQ : Op.I64_NE);
      case BOOL -> code.op(op == CmpOp.EQ ? Op.I32_EQ : Op.I32_NE);
      case STRING, BOARD -> {
        code.call(helpers.strings().streq());
        if (op == CmpOp.NE) {
          code.op(Op.I32_EQZ);
        }
      }
      case FW -> code.call(helpers.versions().fwcmp()).i32(0).op(i32Compare(op));
    }
  }

  private void constant(Type type, Object value) {
    switch (type.kind()) {
      case INT, ENUM -> code.i64((Long) value);
      case BOOL -> code.i32((Boolean) value ? 1 : 0);
      case STRING, BOARD -> code.i64(data.string((String) value));
      case FW -> code.i64(data.string(((FwVersion) value).toString()));
    }
  }

  private static Op intCompare(CmpOp op) {
    return switch (op) {
      case EQ -> Op.I64_EQ;
      case NE -> Op.I64_NE;
      case LT -> Op.I64_LT_S;
      case LE -> Op.I64_LE_S;
      case GT -> Op.I64_GT_S;
      case GE -> Op.I64_GE_S;
    };
  }

  private static Op i32Compare(CmpOp op) {
    return switch (op) {
      case EQ -> Op.I32_EQ;
      case NE -> Op.I32_NE;
      case LT -> Op.I32_LT_S;
      case LE -> Op.I32_LE_S;
      case GT -> Op.I32_GT_S;
      case GE -> Op.I32_GE_S;
    };
  }
}
