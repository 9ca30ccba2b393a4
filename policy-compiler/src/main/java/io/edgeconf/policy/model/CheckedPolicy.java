package io.edgeconf.policy.model;

import io.edgeconf.bridge.catalogue.Board;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.PolicySchema;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A policy that parsed and type-checked: everything a code generator or the evaluator needs.
 * Immutable; the constructor checks that schema, fields, rules and requires agree.
 *
 * @param name the policy name
 * @param version the policy version, a u32
 * @param targets the boards the policy serves (all of the catalogue when the policy names none)
 * @param schema the field layout; {@code schema.fields().get(i) == fields.get(i).spec()}
 * @param fields the fields in layout order
 * @param rules the {@code when} rules in source order
 * @param requires the invariants in source order (indexes of error -3)
 * @param rollout the rollout settings
 * @param sourceSha256 lower-case hex SHA-256 of the source's UTF-8 bytes
 */
public record CheckedPolicy(
    String name,
    long version,
    List<Board> targets,
    PolicySchema schema,
    List<FieldDecl> fields,
    List<Rule> rules,
    List<Require> requires,
    Rollout rollout,
    String sourceSha256) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public CheckedPolicy {
    Checks.notNull(schema, "schema");
    if (!schema.policyName().equals(name)) {
      throw new IllegalArgumentException(
          "schema of " + schema.policyName() + " for policy " + name);
    }
    if (version < 0 || version > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("version " + version + " is not a u32");
    }
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a policy targets at least one board");
    }
    fields = List.copyOf(fields);
    rules = List.copyOf(rules);
    requires = List.copyOf(requires);
    Checks.notNull(rollout, "rollout");
    if (sourceSha256 == null || !HEX64.matcher(sourceSha256).matches()) {
      throw new IllegalArgumentException("source SHA-256 '" + sourceSha256 + "' is not hex");
    }
    if (fields.size() != schema.fields().size()) {
      throw new IllegalArgumentException("schema and field list differ in length");
    }
    for (int i = 0; i < fields.size(); i++) {
      if (!fields.get(i).spec().equals(schema.fields().get(i))) {
        throw new IllegalArgumentException("field " + i + " differs from the schema");
      }
    }
    for (Rule r : rules) {
      for (Assignment a : r.assignments()) {
        if (a.fieldIndex() >= fields.size()) {
          throw new IllegalArgumentException(
              "assignment to field " + a.fieldIndex() + " at " + a.pos());
        }
        Type want = fieldType(fields, a.fieldIndex());
        if (!want.comparableWith(a.value().type())) {
          throw new IllegalArgumentException(
              "field "
                  + fields.get(a.fieldIndex()).name()
                  + " takes "
                  + want
                  + ", not "
                  + a.value().type());
        }
      }
    }
  }

  /** The type of field {@code index}'s values in expressions. */
  public Type fieldType(int index) {
    return fieldType(fields, index);
  }

  /** The expression type of a field of the given spec at the given index. */
  public static Type typeOf(FieldSpec spec, int index) {
    return switch (spec.type()) {
      case BOOL -> Type.BOOL;
      case ENUM -> Type.enumOf(index, spec.enumMembers());
      case TEXT -> Type.STRING;
      default -> Type.INT;
    };
  }

  private static Type fieldType(List<FieldDecl> fields, int index) {
    return typeOf(fields.get(index).spec(), index);
  }

  /** The index of the field with this name, or -1. */
  public int fieldIndex(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return i;
      }
    }
    return -1;
  }
}
