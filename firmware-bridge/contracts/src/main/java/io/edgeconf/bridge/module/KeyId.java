package io.edgeconf.bridge.module;

import io.edgeconf.bridge.schema.Sha256;
import java.util.HexFormat;

/**
 * The id of an Ed25519 signing key: the first 8 bytes of SHA-256 of the raw 32-byte public key, as
 * the {@code edgeconf.sig} section carries it. Immutable; its text form is 16 lower-case hex
 * digits.
 *
 * @param value the 8 id bytes read big-endian (the order they have in the section)
 */
public record KeyId(long value) {
  /** Bytes of a key id in the signature section. */
  public static final int SIZE = 8;

  /** The id of a raw 32-byte Ed25519 public key. */
  public static KeyId ofRawPublicKey(byte[] raw) {
    if (raw == null || raw.length != Ed25519Keys.RAW_KEY_SIZE) {
      throw new IllegalArgumentException(
          "a raw Ed25519 public key has 32 bytes, not " + (raw == null ? "null" : raw.length));
    }
    return fromBytes(Sha256.digest(raw), 0);
  }

  /** The id of an Ed25519 public key. */
  public static KeyId of(java.security.PublicKey key) {
    return ofRawPublicKey(Ed25519Keys.rawPublicKey(key));
  }

  /** Reads 8 id bytes at {@code offset}. */
  public static KeyId fromBytes(byte[] bytes, int offset) {
    if (bytes == null || offset < 0 || offset + SIZE > bytes.length) {
      throw new IllegalArgumentException("a key id needs 8 bytes at offset " + offset);
    }
    long v = 0;
    for (int i = 0; i < SIZE; i++) {
      v = v << 8 | (bytes[offset + i] & 0xFFL);
    }
    return new KeyId(v);
  }

  /**
   * Parses 16 hex digits.
   *
   * @throws IllegalArgumentException when the text is not 16 hex digits
   */
  public static KeyId parse(String hex) {
    if (hex == null || hex.length() != 2 * SIZE) {
      throw new IllegalArgumentException("a key id is 16 hex digits, not '" + hex + "'");
    }
    try {
      return fromBytes(HexFormat.of().parseHex(hex), 0);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a key id is 16 hex digits, not '" + hex + "'", e);
    }
  }

  /** The 8 id bytes, in section order. */
  public byte[] bytes() {
    byte[] out = new byte[SIZE];
    for (int i = 0; i < SIZE; i++) {
      out[i] = (byte) (value >>> (56 - 8 * i));
    }
    return out;
  }

  /** 16 lower-case hex digits. */
  public String hex() {
    return HexFormat.of().formatHex(bytes());
  }

  @Override
  public String toString() {
    return hex();
  }
}
