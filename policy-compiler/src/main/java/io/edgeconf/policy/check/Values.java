package io.edgeconf.policy.check;

import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.policy.model.Expr;
import java.nio.charset.StandardCharsets;

/** Literal values in {@code PayloadCodec}'s convention, and range checks of field values. */
final class Values {
  private Values() {}

  /** The value of a literal (Long, Boolean, String; enum members by name), or null. */
  static Object literal(Expr e) {
    return switch (e) {
      case Expr.IntLit i -> i.value();
      case Expr.BoolLit b -> b.value();
      case Expr.StrLit s -> s.value();
      case Expr.EnumLit m -> m.member();
      default -> null;
    };
  }

  /** Why the value does not fit the field ("is 130, above 125"), or null when it does. */
  static String rangeProblem(FieldSpec spec, Object value) {
    if (spec.type() == FieldType.TEXT && value instanceof String s) {
      int n = s.getBytes(StandardCharsets.UTF_8).length;
      return n > spec.textLength()
          ? "is " + n + " bytes long, longer than text(" + spec.textLength() + ")"
          : null;
    }
    if (spec.type().isRanged() && value instanceof Long l) {
      if (l < spec.min()) {
        return "is " + l + ", below " + spec.min();
      }
      if (l > spec.max()) {
        return "is " + l + ", above " + spec.max();
      }
    }
    return null;
  }

  static String rangeHint(FieldSpec spec) {
    return spec.type() == FieldType.TEXT
        ? "text(" + spec.textLength() + ") holds at most " + spec.textLength() + " UTF-8 bytes"
        : "`" + spec.name() + "` lies in " + spec.min() + ".." + spec.max();
  }
}
