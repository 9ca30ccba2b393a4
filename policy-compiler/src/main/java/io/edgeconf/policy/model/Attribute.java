package io.edgeconf.policy.model;

/** The device attributes that are plain names in the language. */
public enum Attribute {
  /** The board name ({@link Type#BOARD}). */
  BOARD("board", Type.BOARD),
  /** The device id ({@link Type#STRING}). */
  ID("id", Type.STRING),
  /** The zone, {@code ""} when unset ({@link Type#STRING}). */
  ZONE("zone", Type.STRING),
  /** The firmware version ({@link Type#FW}); unknown counts as 0.0.0. */
  FW("fw", Type.FW);

  private final String keyword;
  private final Type type;

  Attribute(String keyword, Type type) {
    this.keyword = keyword;
    this.type = type;
  }

  /** The name in policies. */
  public String keyword() {
    return keyword;
  }

  /** The attribute's type. */
  public Type type() {
    return type;
  }
}
