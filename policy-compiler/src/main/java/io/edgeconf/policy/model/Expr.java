package io.edgeconf.policy.model;

import java.util.List;

/**
 * A type-checked expression. Every node carries its static {@link Type} and its source position;
 * constructors reject ill-typed trees, so a tree that exists is well typed. Semantics are in {@code
 * package-info}.
 */
public sealed interface Expr {
  /** The static type of the node's value. */
  Type type();

  /** Where the node starts in the source. */
  SourcePos pos();

  /** The direct operands, left to right. */
  default List<Expr> children() {
    return List.of();
  }

  /** Whether the node is a literal. */
  default boolean isLiteral() {
    return this instanceof IntLit
        || this instanceof BoolLit
        || this instanceof StrLit
        || this instanceof EnumLit
        || this instanceof BoardLit
        || this instanceof FwLit;
  }

  /** An integer (durations in milliseconds). */
  record IntLit(long value, SourcePos pos) implements Expr {
    @Override
    public Type type() {
      return Type.INT;
    }
  }

  /** {@code true} or {@code false}. */
  record BoolLit(boolean value, SourcePos pos) implements Expr {
    @Override
    public Type type() {
      return Type.BOOL;
    }
  }

  /** A string literal, escapes resolved. */
  record StrLit(String value, SourcePos pos) implements Expr {
    public StrLit {
      Checks.notNull(value, "string literal");
    }

    @Override
    public Type type() {
      return Type.STRING;
    }
  }

  /** An enum member, by index into {@code type.members()}. */
  record EnumLit(Type type, int index, SourcePos pos) implements Expr {
    public EnumLit {
      if (type.kind() != Type.Kind.ENUM || index < 0 || index >= type.members().size()) {
        throw new IllegalArgumentException("no member " + index + " in " + type);
      }
    }

    /** The member's name. */
    public String member() {
      return type.members().get(index);
    }
  }

  /** A board name of the catalogue. */
  record BoardLit(String board, SourcePos pos) implements Expr {
    public BoardLit {
      Checks.board(board);
    }

    @Override
    public Type type() {
      return Type.BOARD;
    }
  }

  /** A version literal, the {@code "MAJOR.MINOR.PATCH"} string compared with {@code fw}. */
  record FwLit(FwVersion version, SourcePos pos) implements Expr {
    public FwLit {
      Checks.notNull(version, "version");
    }

    @Override
    public Type type() {
      return Type.FW;
    }
  }

  /**
   * A field's current value: its value after the rules before this point (for a {@code require},
   * after all rules).
   */
  record FieldRef(int index, Type type, SourcePos pos) implements Expr {
    public FieldRef {
      if (index < 0 || type == null || type.kind() == Type.Kind.BOARD) {
        throw new IllegalArgumentException("field " + index + " cannot have type " + type);
      }
    }
  }

  /** {@code board}, {@code id}, {@code zone} or {@code fw}. */
  record DeviceAttr(Attribute attribute, SourcePos pos) implements Expr {
    public DeviceAttr {
      Checks.notNull(attribute, "attribute");
    }

    @Override
    public Type type() {
      return attribute.type();
    }
  }

  /** {@code tag("t")}: whether the device has the tag. */
  record Tag(String tag, SourcePos pos) implements Expr {
    public Tag {
      Checks.notNull(tag, "tag");
    }

    @Override
    public Type type() {
      return Type.BOOL;
    }
  }

  /** {@code attr("k")}: the string attribute, {@code ""} when unset. */
  record StrAttr(String key, SourcePos pos) implements Expr {
    public StrAttr {
      Checks.notNull(key, "attribute key");
    }

    @Override
    public Type type() {
      return Type.STRING;
    }
  }

  /** {@code num("k", DEFAULT)}: the integer attribute, {@code defaultValue} when unset. */
  record NumAttr(String key, long defaultValue, SourcePos pos) implements Expr {
    public NumAttr {
      Checks.notNull(key, "attribute key");
    }

    @Override
    public Type type() {
      return Type.INT;
    }
  }

  /** Unary minus; overflows for {@link Long#MIN_VALUE}. */
  record Neg(Expr operand, SourcePos pos) implements Expr {
    public Neg {
      Checks.kind(operand, Type.Kind.INT, "-");
    }

    @Override
    public Type type() {
      return Type.INT;
    }

    @Override
    public List<Expr> children() {
      return List.of(operand);
    }
  }

  /** {@code not}. */
  record Not(Expr operand, SourcePos pos) implements Expr {
    public Not {
      Checks.kind(operand, Type.Kind.BOOL, "not");
    }

    @Override
    public Type type() {
      return Type.BOOL;
    }

    @Override
    public List<Expr> children() {
      return List.of(operand);
    }
  }

  /** {@code and} / {@code or}, short-circuit left to right. */
  record Logic(LogicOp op, Expr left, Expr right, SourcePos pos) implements Expr {
    public Logic {
      Checks.notNull(op, "operator");
      Checks.kind(left, Type.Kind.BOOL, op.symbol());
      Checks.kind(right, Type.Kind.BOOL, op.symbol());
    }

    @Override
    public Type type() {
      return Type.BOOL;
    }

    @Override
    public List<Expr> children() {
      return List.of(left, right);
    }
  }

  /** {@code + - * / %} on integers, exact 64-bit. */
  record Arith(ArithOp op, Expr left, Expr right, SourcePos pos) implements Expr {
    public Arith {
      Checks.notNull(op, "operator");
      Checks.kind(left, Type.Kind.INT, op.symbol());
      Checks.kind(right, Type.Kind.INT, op.symbol());
    }

    @Override
    public Type type() {
      return Type.INT;
    }

    @Override
    public List<Expr> children() {
      return List.of(left, right);
    }
  }

  /**
   * A comparison. Integers and firmware versions take every operator; strings, bools, boards and
   * enums only {@code ==} and {@code !=}. Both sides have comparable types.
   */
  record Compare(CmpOp op, Expr left, Expr right, SourcePos pos) implements Expr {
    public Compare {
      Checks.notNull(op, "operator");
      Checks.comparable(op, left, right);
    }

    @Override
    public Type type() {
      return Type.BOOL;
    }

    @Override
    public List<Expr> children() {
      return List.of(left, right);
    }
  }

  /** {@code min(a, b)}. */
  record Min(Expr a, Expr b, SourcePos pos) implements Expr {
    public Min {
      Checks.kind(a, Type.Kind.INT, "min");
      Checks.kind(b, Type.Kind.INT, "min");
    }

    @Override
    public Type type() {
      return Type.INT;
    }

    @Override
    public List<Expr> children() {
      return List.of(a, b);
    }
  }

  /** {@code max(a, b)}. */
  record Max(Expr a, Expr b, SourcePos pos) implements Expr {
    public Max {
      Checks.kind(a, Type.Kind.INT, "max");
      Checks.kind(b, Type.Kind.INT, "max");
    }

    @Override
    public Type type() {
      return Type.INT;
    }

    @Override
    public List<Expr> children() {
      return List.of(a, b);
    }
  }

  /** {@code clamp(x, lo, hi)} = {@code min(max(x, lo), hi)} (so {@code hi} wins when lo > hi). */
  record Clamp(Expr x, Expr lo, Expr hi, SourcePos pos) implements Expr {
    public Clamp {
      Checks.kind(x, Type.Kind.INT, "clamp");
      Checks.kind(lo, Type.Kind.INT, "clamp");
      Checks.kind(hi, Type.Kind.INT, "clamp");
    }

    @Override
    public Type type() {
      return Type.INT;
    }

    @Override
    public List<Expr> children() {
      return List.of(x, lo, hi);
    }
  }
}
