package io.edgeconf.policy.eval;

import io.edgeconf.bridge.module.AbiError;
import io.edgeconf.bridge.schema.Sha256;
import java.util.Arrays;

/** What rendering one device gives: an image, or an error with its index. A value, never thrown. */
public sealed interface RenderResult {
  /** The rendered image. */
  record Image(byte[] bytes) implements RenderResult {
    public Image {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** Lower-case hex SHA-256 of the image, as self-test vectors carry it. */
    public String sha256() {
      return Sha256.hex(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Image other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Image[" + bytes.length + " bytes, sha256=" + sha256() + "]";
    }
  }

  /**
   * Rendering failed.
   *
   * @param error which error
   * @param index the field or require index for errors that name one ({@link AbiError#hasIndex()}),
   *     else 0
   * @param message a human explanation, e.g. {@code temp_low_c=130, above 125}; not part of
   *     equality
   */
  record Failure(AbiError error, int index, String message) implements RenderResult {
    public Failure {
      if (error == null || index < 0 || (!error.indexed() && index != 0)) {
        throw new IllegalArgumentException("failure " + error + " with index " + index);
      }
      message = message == null ? "" : message;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Failure f && f.error == error && f.index == index;
    }

    @Override
    public int hashCode() {
      return error.hashCode() * 31 + index;
    }
  }
}
