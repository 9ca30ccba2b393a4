package io.edgeconf.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds a custom section in a WebAssembly binary: the header, then sections of {@code id u8, size
 * LEB128, content}; custom sections (id 0) start with a LEB128-prefixed UTF-8 name. Nothing else is
 * parsed. Stateless.
 */
final class WasmCustomSections {
  private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

  private WasmCustomSections() {}

  /**
   * @return the content of the first custom section with this name (after its name)
   * @throws FirmwareModuleException with the offset when the binary is malformed
   */
  static Optional<byte[]> find(byte[] wasm, String name) {
    if (wasm.length < HEADER.length || !Arrays.equals(wasm, 0, 8, HEADER, 0, 8)) {
      throw new FirmwareModuleException("not a WebAssembly 1.0 binary (at offset 0x0)");
    }
    int[] pos = {HEADER.length};
    while (pos[0] < wasm.length) {
      int sectionAt = pos[0];
      int id = wasm[pos[0]++] & 0xFF;
      long size = leb128(wasm, pos);
      if (size > wasm.length - pos[0]) {
        throw new FirmwareModuleException(
            "section "
                + id
                + " runs past the end (at offset 0x"
                + Integer.toHexString(sectionAt)
                + ")");
      }
      int end = pos[0] + (int) size;
      if (id == 0) {
        long nameLength = leb128(wasm, pos);
        if (nameLength > end - pos[0]) {
          throw new FirmwareModuleException(
              "custom section name runs past its section (at offset 0x"
                  + Integer.toHexString(sectionAt)
                  + ")");
        }
        String sectionName = new String(wasm, pos[0], (int) nameLength, StandardCharsets.UTF_8);
        int contentAt = pos[0] + (int) nameLength;
        if (sectionName.equals(name)) {
          return Optional.of(Arrays.copyOfRange(wasm, contentAt, end));
        }
      }
      pos[0] = end;
    }
    return Optional.empty();
  }

  private static long leb128(byte[] bytes, int[] pos) {
    long result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos[0] >= bytes.length) {
        throw new FirmwareModuleException(
            "LEB128 runs past the end (at offset 0x" + Integer.toHexString(pos[0]) + ")");
      }
      int b = bytes[pos[0]++] & 0xFF;
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new FirmwareModuleException(
        "LEB128 longer than 5 bytes (at offset 0x" + Integer.toHexString(pos[0]) + ")");
  }
}
