package io.edgeconf.bridge.transport;

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
 * Reads a DTLS pre-shared key file: one {@code id:HEXKEY} per line (the id is the PSK identity and
 * the device id), blank lines and lines starting with {@code #} ignored, {@code #} also starting a
 * comment after a key. Shared by the gateway and the simulator.
 */
public final class PskFile {
  /** Empty keys are refused; 16 bytes (128 bits) or more are recommended. */
  public static final int MIN_KEY_BYTES = 1;

  /** Longer keys are refused (Scandium's PSK limit). */
  public static final int MAX_KEY_BYTES = 64;

  private PskFile() {}

  /**
   * Loads a key file.
   *
   * @return identity to key, in file order; unmodifiable, the arrays are copies
   * @throws TransportConfigException naming {@code file:line} for an unreadable file, a bad id, a
   *     bad key or a duplicate id
   */
  public static Map<String, byte[]> load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TransportConfigException("cannot read PSK file " + file + ": " + e, e);
    }
    return parse(file.toString(), lines);
  }

  /**
   * Parses key-file lines; {@code source} names them in errors.
   *
   * @throws TransportConfigException as {@link #load(Path)}
   */
  public static Map<String, byte[]> parse(String source, List<String> lines) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String where = source + ":" + (i + 1);
      String line = lines.get(i);
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new TransportConfigException(where + ": expected id:HEXKEY");
      }
      String id = line.substring(0, colon).strip();
      String hex = line.substring(colon + 1).strip();
      if (!DeviceId.isValid(id)) {
        throw new TransportConfigException(
            where + ": id '" + id + "' does not match [A-Za-z0-9._-]{1,64}");
      }
      byte[] key;
      try {
        key = HexFormat.of().parseHex(hex);
      } catch (IllegalArgumentException e) {
        throw new TransportConfigException(where + ": key of '" + id + "' is not hex digits", e);
      }
      if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
        throw new TransportConfigException(
            where
                + ": key of '"
                + id
                + "' has "
                + key.length
                + " bytes, expected "
                + MIN_KEY_BYTES
                + " to "
                + MAX_KEY_BYTES);
      }
      if (keys.putIfAbsent(id, key) != null) {
        throw new TransportConfigException(where + ": '" + id + "' appears twice");
      }
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    keys.forEach((id, key) -> copy.put(id, key.clone()));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** One line of a key file for this identity and key. */
  public static String line(String id, byte[] key) {
    return DeviceId.require(id) + ":" + HexFormat.of().formatHex(key);
  }
}
