package io.edgeconf.policy.model;

import io.edgeconf.bridge.catalogue.BoardCatalogue;

/** Construction-time checks shared by the model's records. */
final class Checks {
  private Checks() {}

  static void notNull(Object value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must be given");
    }
  }

  static void kind(Expr e, Type.Kind kind, String operator) {
    notNull(e, "operand of " + operator);
    if (e.type().kind() != kind) {
      throw new IllegalArgumentException(
          operator + " needs " + kind.name().toLowerCase() + " operands, not " + e.type());
    }
  }

  static void board(String board) {
    BoardCatalogue.require(board);
  }

  static void comparable(CmpOp op, Expr left, Expr right) {
    notNull(left, "left operand of " + op.symbol());
    notNull(right, "right operand of " + op.symbol());
    if (!left.type().comparableWith(right.type())) {
      throw new IllegalArgumentException("cannot compare " + left.type() + " with " + right.type());
    }
    Type.Kind k = left.type().kind();
    if (!op.isEquality() && k != Type.Kind.INT && k != Type.Kind.FW) {
      throw new IllegalArgumentException(
          left.type() + " values support only == and !=, not " + op.symbol());
    }
  }
}
