package io.edgeconf.bridge.image;

import java.util.Arrays;
import java.util.Optional;

/** Why a board refuses an image: the {@code reason} of a {@code rejected} ack. */
public enum RejectionReason {
  /** The first four bytes are not {@code ECFG}. */
  MAGIC("magic"),
  /** The format version is not 1, or the reserved flags are set. */
  FORMAT("format"),
  /** The CRC-32C does not match. */
  CRC("crc"),
  /** The payload length disagrees with the image's size. */
  LENGTH("length"),
  /** The policy id differs from the one the firmware was built for. */
  POLICY("policy"),
  /** The schema hash differs from the one the firmware was built for. */
  SCHEMA("schema"),
  /** The image is larger than the board's config capacity. */
  TOO_LARGE("too_large"),
  /** A field lies outside its range. */
  RANGE("range"),
  /** The board failed to write its flash slot. */
  FLASH("flash"),
  /** The board is busy with another image. */
  BUSY("busy");

  private final String wireName;

  RejectionReason(String wireName) {
    this.wireName = wireName;
  }

  /** The reason as it appears in acks. */
  public String wireName() {
    return wireName;
  }

  /** The reason with this wire name, if any. */
  public static Optional<RejectionReason> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
