package io.edgeconf.policy.proof;

import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.proof.PVal.Known;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** How proof messages show values. */
final class Describe {
  private Describe() {}

  /** {@code =130, above 125}, or null when the value fits. */
  static String rangeProblem(FieldSpec spec, Object value) {
    if (spec.type() == FieldType.TEXT) {
      String s = (String) value;
      int n = s.getBytes(StandardCharsets.UTF_8).length;
      return n > spec.textLength()
          ? " \"" + s + "\" (" + n + " bytes), longer than text(" + spec.textLength() + ")"
          : null;
    }
    if (!spec.type().isRanged()) {
      return null;
    }
    long v = (Long) value;
    return v < spec.min()
        ? "=" + v + ", below " + spec.min()
        : v > spec.max() ? "=" + v + ", above " + spec.max() : null;
  }

  /** {@code (temp_low_c=36, temp_high_c=35)}: the known values of the fields {@code e} reads. */
  static String values(CheckedPolicy policy, PathState s, Expr e) {
    BitSet reads = Relevance.reads(e);
    List<String> parts = new ArrayList<>();
    reads.stream()
        .forEach(
            i -> {
              if (s.field(i) instanceof Known k) {
                parts.add(
                    policy.fields().get(i).name()
                        + "="
                        + show(policy.fields().get(i).spec(), k.value()));
              }
            });
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  static String show(FieldSpec spec, Object v) {
    if (spec.type() == FieldType.ENUM) {
      return spec.enumMembers().get(((Long) v).intValue());
    }
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    return String.valueOf(v);
  }
}
