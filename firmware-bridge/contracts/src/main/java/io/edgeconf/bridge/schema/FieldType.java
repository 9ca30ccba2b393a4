package io.edgeconf.bridge.schema;

/** The field types of the policy language, with their image encoding. */
public enum FieldType {
  BOOL("bool", 1, 0, 1, false),
  U8("u8", 1, 0, 0xFFL, false),
  U16("u16", 2, 0, 0xFFFFL, false),
  U32("u32", 4, 0, 0xFFFF_FFFFL, false),
  I8("i8", 1, Byte.MIN_VALUE, Byte.MAX_VALUE, true),
  I16("i16", 2, Short.MIN_VALUE, Short.MAX_VALUE, true),
  I32("i32", 4, Integer.MIN_VALUE, Integer.MAX_VALUE, true),
  /** Milliseconds, encoded as a u32. */
  DURATION("duration", 4, 0, 0xFFFF_FFFFL, false),
  /** The member's index, one byte. */
  ENUM("enum", 1, 0, 255, false),
  /** A length byte, then N bytes of UTF-8, zero padded. */
  TEXT("text", -1, 0, 0, false);

  private final String keyword;
  private final int size;
  private final long min;
  private final long max;
  private final boolean signed;

  FieldType(String keyword, int size, long min, long max, boolean signed) {
    this.keyword = keyword;
    this.size = size;
    this.min = min;
    this.max = max;
    this.signed = signed;
  }

  /** The keyword of the type in policies and in the canonical schema. */
  public String keyword() {
    return keyword;
  }

  /**
   * The encoded size in bytes; for {@link #TEXT} it depends on N (see {@link FieldSpec#size()}).
   */
  public int fixedSize() {
    return size;
  }

  /** The smallest value the type can hold. */
  public long min() {
    return min;
  }

  /** The largest value the type can hold. */
  public long max() {
    return max;
  }

  /** Whether the encoding is two's complement. */
  public boolean signed() {
    return signed;
  }

  /** Whether the type is one of the integer types or {@code duration}, which carry a range. */
  public boolean isRanged() {
    return this != BOOL && this != ENUM && this != TEXT;
  }
}
