package io.edgeconf.policy.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Leb128Test {
  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void unsigned() {
    assertArrayEquals(bytes(0x00), Leb128.unsigned(0));
    assertArrayEquals(bytes(0x7F), Leb128.unsigned(127));
    assertArrayEquals(bytes(0x80, 0x01), Leb128.unsigned(128));
    assertArrayEquals(bytes(0xE5, 0x8E, 0x26), Leb128.unsigned(624_485));
    assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), Leb128.unsigned(0xFFFF_FFFFL));
    assertThrows(IllegalArgumentException.class, () -> Leb128.unsigned(-1));
  }

  @Test
  void signed() {
    assertArrayEquals(bytes(0x00), Leb128.signed(0));
    assertArrayEquals(bytes(0x3F), Leb128.signed(63));
    assertArrayEquals(bytes(0xC0, 0x00), Leb128.signed(64));
    assertArrayEquals(bytes(0x7F), Leb128.signed(-1));
    assertArrayEquals(bytes(0x40), Leb128.signed(-64));
    assertArrayEquals(bytes(0xBF, 0x7F), Leb128.signed(-65));
    assertArrayEquals(bytes(0xC0, 0xBB, 0x78), Leb128.signed(-123_456));
    assertArrayEquals(
        bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F),
        Leb128.signed(Long.MIN_VALUE));
    assertArrayEquals(
        bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00),
        Leb128.signed(Long.MAX_VALUE));
  }
}
