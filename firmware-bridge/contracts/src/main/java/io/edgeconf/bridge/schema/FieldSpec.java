package io.edgeconf.bridge.schema;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of a policy's schema: its name, type and the values it may take.
 *
 * @param name the field's identifier
 * @param type its type
 * @param min the inclusive lower bound (integer types and duration; 0 otherwise)
 * @param max the inclusive upper bound (integer types and duration; for bool 1, for enum the last
 *     index, for text N)
 * @param enumMembers the members of an enum, in order; empty for other types
 * @param textLength N of {@code text(N)}; 0 for other types
 */
public record FieldSpec(
    String name, FieldType type, long min, long max, List<String> enumMembers, int textLength) {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  public FieldSpec {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("field name '" + name + "' is not an identifier");
    }
    if (type == null) {
      throw new IllegalArgumentException("field " + name + ": type must be given");
    }
    enumMembers = List.copyOf(enumMembers == null ? List.of() : enumMembers);
    switch (type) {
      case ENUM -> {
        if (enumMembers.isEmpty() || enumMembers.size() > 256) {
          throw new IllegalArgumentException(
              "field " + name + ": an enum has 1 to 256 members, not " + enumMembers.size());
        }
        min = 0;
        max = enumMembers.size() - 1;
      }
      case TEXT -> {
        if (textLength < 1 || textLength > 255) {
          throw new IllegalArgumentException(
              "field " + name + ": text(N) needs 1 <= N <= 255, not " + textLength);
        }
        min = 0;
        max = textLength;
      }
      case BOOL -> {
        min = 0;
        max = 1;
      }
      default -> {
        if (min > max || min < type.min() || max > type.max()) {
          throw new IllegalArgumentException(
              "field " + name + ": range " + min + ".." + max + " does not fit " + type.keyword());
        }
      }
    }
    if (type != FieldType.ENUM && !enumMembers.isEmpty()) {
      throw new IllegalArgumentException("field " + name + ": only enums have members");
    }
    if (type != FieldType.TEXT && textLength != 0) {
      throw new IllegalArgumentException("field " + name + ": only text fields have a length");
    }
  }

  /** An integer or duration field with a declared range. */
  public static FieldSpec ranged(String name, FieldType type, long min, long max) {
    return new FieldSpec(name, type, min, max, List.of(), 0);
  }

  /** An integer or duration field with the type's own range. */
  public static FieldSpec ranged(String name, FieldType type) {
    return ranged(name, type, type.min(), type.max());
  }

  public static FieldSpec bool(String name) {
    return new FieldSpec(name, FieldType.BOOL, 0, 1, List.of(), 0);
  }

  public static FieldSpec enumeration(String name, List<String> members) {
    return new FieldSpec(name, FieldType.ENUM, 0, 0, members, 0);
  }

  public static FieldSpec text(String name, int length) {
    return new FieldSpec(name, FieldType.TEXT, 0, 0, List.of(), length);
  }

  /** The encoded size in the image payload. */
  public int size() {
    return type == FieldType.TEXT ? 1 + textLength : type.fixedSize();
  }

  /** This field's item of the canonical schema string. */
  public String canonical() {
    return switch (type) {
      case BOOL -> name + ":bool";
      case ENUM -> name + ":enum(" + String.join(",", enumMembers) + ")";
      case TEXT -> name + ":text(" + textLength + ")";
      default -> name + ":" + type.keyword() + ":" + min + ":" + max;
    };
  }
}
