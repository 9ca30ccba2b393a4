package io.edgeconf.bridge.module;

import java.util.Arrays;
import java.util.Optional;

/**
 * The negative returns of a config module's {@code ec_render} and {@code ec_check} (module ABI v1).
 * Where {@link #indexed()}, {@code ec_out} holds a u16 LE index into the metadata's {@code fields}
 * or {@code requires}.
 */
public enum AbiError {
  MALFORMED_DESCRIPTOR(-1, "malformed descriptor", false),
  FIELD_OUT_OF_RANGE(-2, "a field out of its range", true),
  REQUIRE_FAILED(-3, "a require does not hold", true),
  ARITHMETIC(-4, "arithmetic overflow or division by zero", false),
  IMAGE_MALFORMED(
      -5, "image malformed (magic, version, length, CRC, policy id or schema hash)", false),
  IMAGE_FIELD_OUT_OF_RANGE(-6, "image field out of range", true);

  private final int code;
  private final String meaning;
  private final boolean indexed;

  AbiError(int code, String meaning, boolean indexed) {
    this.code = code;
    this.meaning = meaning;
    this.indexed = indexed;
  }

  /** The negative return value. */
  public int code() {
    return code;
  }

  /** What the code means. */
  public String meaning() {
    return meaning;
  }

  /** Whether {@code ec_out} holds a field or require index (u16 LE) for this code. */
  public boolean indexed() {
    return indexed;
  }

  /** The error of a negative return, if it is one of the ABI's. */
  public static Optional<AbiError> of(int code) {
    return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
  }

  /**
   * The error with this code.
   *
   * @throws IllegalArgumentException when the ABI has no such code
   */
  public static AbiError require(int code) {
    return of(code).orElseThrow(() -> new IllegalArgumentException("no ABI error " + code));
  }
}
