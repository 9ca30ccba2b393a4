package io.edgeconf.bridge.message;

import io.edgeconf.bridge.image.Crc32c;

/**
 * A board's health report: the image it runs (version 0 and CRC 0 when none) and whether it is
 * healthy.
 *
 * @param version the running image's version
 * @param crc the running image's CRC-32C
 * @param ok whether the board is healthy
 * @param uptimeSeconds seconds since boot
 * @param boot the boot counter
 * @param slot the active flash slot ({@code A} or {@code B}), {@code ""} when not given
 */
public record Health(
    long version, long crc, boolean ok, long uptimeSeconds, long boot, String slot) {
  /** Larger reports are refused unread. */
  public static final int MAX_BYTES = 1024;

  public Health {
    slot = slot == null ? "" : slot;
  }

  /**
   * @throws MessageFormatException naming the field that is missing or wrong
   */
  public static Health parse(byte[] json) {
    JsonFields f = JsonFields.parse("health", json, MAX_BYTES);
    long crc;
    try {
      crc = Crc32c.parseHex(f.requiredString("crc"));
    } catch (IllegalArgumentException e) {
      throw new MessageFormatException("health: " + e.getMessage(), e);
    }
    return new Health(
        f.requiredU32("version"),
        crc,
        f.requiredBoolean("ok"),
        f.optionalU32("uptime_s", 0),
        f.optionalU32("boot", 0),
        f.optionalString("slot", ""));
  }

  public byte[] toJson() {
    var node = JsonFields.object();
    node.put("version", version);
    node.put("crc", Crc32c.hex(crc));
    node.put("ok", ok);
    node.put("uptime_s", uptimeSeconds);
    node.put("boot", boot);
    if (!slot.isEmpty()) {
      node.put("slot", slot);
    }
    return JsonFields.bytes(node);
  }
}
