package io.edgeconf.sim;

import io.edgeconf.bridge.descriptor.DeviceId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PSK file: the DTLS pre-shared keys of nRF52840 boards, the PSK identity being the device
 * id. Stateless.
 *
 * <p>Format: UTF-8 text, one {@code DEVICE-ID:HEXKEY} per line (the key as hex digits, an even
 * number, 1 to 64 bytes); blank lines and lines starting with {@code #} are ignored; surrounding
 * spaces are trimmed. Example:
 *
 * <pre>
 * # simulated greenhouse boards
 * sim-nrf52840-001:000102030405060708090a0b0c0d0e0f
 * sim-nrf52840-002:f0e0d0c0b0a090807060504030201000
 * </pre>
 *
 * A board with no line in the file speaks plain CoAP.
 */
public final class PskFile {
  private PskFile() {}

  /**
   * @return the key of each device id, in file order
   * @throws PskFileException naming the file and line that is wrong, or when it cannot be read
   */
  public static Map<String, byte[]> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PskFileException("cannot read PSK file " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), lines);
  }

  /** Parses the lines of a PSK file; {@code name} is used in error messages. */
  public static Map<String, byte[]> parse(String name, List<String> lines) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = name + ":" + (i + 1) + ": ";
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new PskFileException(where + "expected DEVICE-ID:HEXKEY");
      }
      String id = line.substring(0, colon).trim();
      String hex = line.substring(colon + 1).trim();
      if (!DeviceId.isValid(id)) {
        throw new PskFileException(where + "'" + id + "' is not a device id");
      }
      byte[] key;
      try {
        key = HexFormat.of().parseHex(hex);
      } catch (IllegalArgumentException e) {
        throw new PskFileException(where + "the key is not an even number of hex digits");
      }
      if (key.length == 0 || key.length > 64) {
        throw new PskFileException(where + "a key has 1 to 64 bytes, not " + key.length);
      }
      if (keys.put(id, key) != null) {
        throw new PskFileException(where + "a second key for " + id);
      }
    }
    return keys;
  }
}
