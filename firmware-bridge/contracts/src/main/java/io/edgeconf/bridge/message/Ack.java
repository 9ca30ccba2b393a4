package io.edgeconf.bridge.message;

import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.RejectionReason;
import java.util.Optional;

/**
 * A board's answer to a push: {@code applied}, or {@code rejected} with a reason. A rejection is a
 * value, not an exception.
 *
 * @param version the version of the image the ack is about
 * @param crc the CRC-32C of that image
 * @param applied whether the board applied it
 * @param reason why it was rejected (empty when applied); an unknown reason is kept as text
 */
public record Ack(long version, long crc, boolean applied, Optional<String> reason) {
  /** Larger acks are refused unread. */
  public static final int MAX_BYTES = 1024;

  public Ack {
    reason = reason == null ? Optional.empty() : reason;
    if (applied && reason.isPresent()) {
      throw new IllegalArgumentException("an applied ack has no reason");
    }
    if (!applied && reason.isEmpty()) {
      throw new IllegalArgumentException("a rejected ack needs a reason");
    }
  }

  public static Ack applied(long version, long crc) {
    return new Ack(version, crc, true, Optional.empty());
  }

  public static Ack rejected(long version, long crc, RejectionReason reason) {
    return new Ack(version, crc, false, Optional.of(reason.wireName()));
  }

  /** The reason as a known rejection reason, when it is one. */
  public Optional<RejectionReason> knownReason() {
    return reason.flatMap(RejectionReason::fromWireName);
  }

  /**
   * @throws MessageFormatException naming the field that is missing or wrong
   */
  public static Ack parse(byte[] json) {
    JsonFields f = JsonFields.parse("ack", json, MAX_BYTES);
    long version = f.requiredU32("version");
    long crc;
    try {
      crc = Crc32c.parseHex(f.requiredString("crc"));
    } catch (IllegalArgumentException e) {
      throw new MessageFormatException("ack: " + e.getMessage(), e);
    }
    String status = f.requiredString("status");
    return switch (status) {
      case "applied" -> applied(version, crc);
      case "rejected" -> {
        String reason = f.requiredString("reason");
        if (reason.isEmpty() || reason.length() > 64) {
          throw new MessageFormatException("ack: reason must be 1 to 64 characters");
        }
        yield new Ack(version, crc, false, Optional.of(reason));
      }
      default ->
          throw new MessageFormatException(
              "ack: status '" + status + "' is neither 'applied' nor 'rejected'");
    };
  }

  public byte[] toJson() {
    var node = JsonFields.object();
    node.put("version", version);
    node.put("crc", Crc32c.hex(crc));
    node.put("status", applied ? "applied" : "rejected");
    reason.ifPresent(r -> node.put("reason", r));
    return JsonFields.bytes(node);
  }
}
