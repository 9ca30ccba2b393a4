package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import io.edgeconf.bridge.wire.WireFormatException;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Maps a board's answer to {@code PUT /cfg} to a push result: {@code 2.04} with an applied ack,
 * {@code 4.00}/{@code 4.06}/{@code 4.13} (or any error) with a rejected ack. An error code without
 * a readable ack still means something for {@code 4.13} (too large) and {@code 5.03} (busy).
 */
final class CoapAckMapper {
  /** The result, and the bad input to count when the answer broke the protocol. */
  record Mapped(PushResult result, Optional<Ack> ack, Optional<BadInput> bad, String detail) {}

  private CoapAckMapper() {}

  static Mapped map(String id, ImageInfo pushed, ResponseCode code, byte[] payload) {
    String where = "answer " + code.text + " to PUT /cfg";
    Ack ack = null;
    BadInput badBody = null;
    String why = "";
    if (payload == null || payload.length == 0) {
      why = "no ack body";
    } else if (payload.length > Ack.MAX_BYTES) {
      badBody = BadInput.ACK_OVERSIZED;
      why = payload.length + "-byte ack";
    } else {
      try {
        ack = Ack.parse(payload);
      } catch (WireFormatException e) {
        badBody = BadInput.ACK_MALFORMED;
        why = e.getMessage();
      }
    }
    if (ack != null && !pushed.matches(ack.version(), ack.crc())) {
      return protocolError(
          id,
          pushed,
          ack,
          BadInput.ACK_NOT_PUSHED,
          where
              + " acks v"
              + ack.version()
              + "/"
              + Crc32c.hex(ack.crc())
              + ", but "
              + pushed
              + " was pushed");
    }
    if (code.isSuccess()) {
      if (ack != null && ack.applied()) {
        return new Mapped(
            PushResult.applied(id, pushed.version(), pushed.crc(), ""),
            Optional.of(ack),
            Optional.empty(),
            "");
      }
      return protocolError(
          id,
          pushed,
          ack,
          ack != null ? BadInput.ACK_MALFORMED : badBody == null ? BadInput.ACK_MALFORMED : badBody,
          where + (ack != null ? " carries a rejected ack" : ": " + why));
    }
    if (ack != null && !ack.applied()) {
      return new Mapped(
          PushResult.rejected(
              id, pushed.version(), pushed.crc(), ack.reason().orElseThrow(), code.text),
          Optional.of(ack),
          Optional.empty(),
          "");
    }
    if (ack == null && code == ResponseCode.REQUEST_ENTITY_TOO_LARGE) {
      return rejectedWithoutAck(id, pushed, RejectionReason.TOO_LARGE, code);
    }
    if (ack == null && code == ResponseCode.SERVICE_UNAVAILABLE) {
      return rejectedWithoutAck(id, pushed, RejectionReason.BUSY, code);
    }
    return protocolError(
        id,
        pushed,
        ack,
        ack != null || badBody == null ? BadInput.ACK_MALFORMED : badBody,
        where + (ack != null ? " carries an applied ack" : ": " + why));
  }

  private static Mapped rejectedWithoutAck(
      String id, ImageInfo pushed, RejectionReason reason, ResponseCode code) {
    return new Mapped(
        PushResult.rejected(
            id, pushed.version(), pushed.crc(), reason.wireName(), code.text + " without an ack"),
        Optional.empty(),
        Optional.empty(),
        "");
  }

  private static Mapped protocolError(
      String id, ImageInfo pushed, Ack ack, BadInput bad, String detail) {
    return new Mapped(
        PushResult.of(id, PushStatus.PROTOCOL_ERROR, pushed.version(), pushed.crc(), detail),
        Optional.ofNullable(ack),
        Optional.of(bad),
        detail);
  }
}
