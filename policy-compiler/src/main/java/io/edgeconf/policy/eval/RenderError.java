package io.edgeconf.policy.eval;

/** The negative results of {@code ec_render}/{@code ec_check} (module-abi.md). */
public enum RenderError {
  /** -1: the device descriptor is malformed. */
  MALFORMED_DESCRIPTOR(-1),
  /** -2: a field is out of its range; the index names the field. */
  FIELD_RANGE(-2),
  /** -3: a {@code require} does not hold; the index names the require. */
  REQUIRE(-3),
  /** -4: arithmetic overflow or division by zero. */
  ARITHMETIC(-4),
  /** -5: an image is malformed (magic, version, length, CRC, policy id or schema hash). */
  IMAGE_MALFORMED(-5),
  /** -6: an image field is out of range; the index names the field. */
  IMAGE_FIELD_RANGE(-6);

  private final int code;

  RenderError(int code) {
    this.code = code;
  }

  /** The negative code a module returns. */
  public int code() {
    return code;
  }

  /** Whether the module writes an index (u16 LE at {@code ec_out}) with this error. */
  public boolean hasIndex() {
    return this == FIELD_RANGE || this == REQUIRE || this == IMAGE_FIELD_RANGE;
  }

  /** The error with this code. */
  public static RenderError ofCode(int code) {
    for (RenderError e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    throw new IllegalArgumentException("no render error " + code);
  }
}
