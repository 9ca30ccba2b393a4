package io.edgeconf.policy.wasm;

/** The value types the emitter uses. */
public enum ValType {
  I32(0x7F, "i32"),
  I64(0x7E, "i64");

  private final int code;
  private final String text;

  ValType(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The binary encoding. */
  public int code() {
    return code;
  }

  /** The text-format name. */
  public String text() {
    return text;
  }
}
