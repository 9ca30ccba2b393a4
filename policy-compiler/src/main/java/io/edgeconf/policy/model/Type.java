package io.edgeconf.policy.model;

import java.util.List;

/**
 * The static type of an expression. Every {@link Expr} node carries one, so a code generator never
 * has to infer anything.
 *
 * <p>Run-time representations (see {@code package-info}): {@link Kind#INT} a 64-bit signed integer
 * (durations are milliseconds); {@link Kind#BOOL} 0/1; {@link Kind#STRING} UTF-8 bytes; {@link
 * Kind#ENUM} the member's index; {@link Kind#BOARD} a board of the catalogue; {@link Kind#FW} a
 * firmware version {@code MAJOR.MINOR.PATCH}.
 *
 * @param kind the kind
 * @param enumField for {@link Kind#ENUM}: the index of the field whose declaration introduced the
 *     enum; -1 otherwise
 * @param members for {@link Kind#ENUM}: the members in declaration order; empty otherwise
 */
public record Type(Kind kind, int enumField, List<String> members) {
  /** The kinds of values. */
  public enum Kind {
    INT,
    BOOL,
    STRING,
    ENUM,
    BOARD,
    FW
  }

  public static final Type INT = new Type(Kind.INT, -1, List.of());
  public static final Type BOOL = new Type(Kind.BOOL, -1, List.of());
  public static final Type STRING = new Type(Kind.STRING, -1, List.of());
  public static final Type BOARD = new Type(Kind.BOARD, -1, List.of());
  public static final Type FW = new Type(Kind.FW, -1, List.of());

  public Type {
    if (kind == null) {
      throw new IllegalArgumentException("type kind must be given");
    }
    members = List.copyOf(members == null ? List.of() : members);
    if (kind == Kind.ENUM && (enumField < 0 || members.isEmpty())) {
      throw new IllegalArgumentException(
          "an enum type needs its field index and members, not " + enumField + " " + members);
    }
    if (kind != Kind.ENUM && (enumField != -1 || !members.isEmpty())) {
      throw new IllegalArgumentException("only enum types have a field and members");
    }
  }

  /** The enum type declared by field {@code fieldIndex}. */
  public static Type enumOf(int fieldIndex, List<String> members) {
    return new Type(Kind.ENUM, fieldIndex, members);
  }

  /**
   * Whether values of the two types may be compared with {@code ==}: same kind, and for enums the
   * same members in the same order.
   */
  public boolean comparableWith(Type other) {
    return kind == other.kind && (kind != Kind.ENUM || members.equals(other.members));
  }

  /** How the type is named in diagnostics. */
  public String describe() {
    return switch (kind) {
      case INT -> "integer";
      case BOOL -> "bool";
      case STRING -> "string";
      case ENUM -> "enum { " + String.join(", ", members) + " }";
      case BOARD -> "board";
      case FW -> "firmware version";
    };
  }

  @Override
  public String toString() {
    return describe();
  }
}
