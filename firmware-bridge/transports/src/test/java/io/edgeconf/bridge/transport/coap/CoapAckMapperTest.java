package io.edgeconf.bridge.transport.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

/** Every answer a board may give to {@code PUT /cfg}, and what the push becomes. */
class CoapAckMapperTest {
  static final long CRC = Crc32c.parseHex("6ef7f919");
  static final ImageInfo PUSHED = new ImageInfo(7, CRC);

  static CoapAckMapper.Mapped map(ResponseCode code, byte[] body) {
    return CoapAckMapper.map("gh-nrf-07", PUSHED, code, body);
  }

  @Test
  void changedWithAnAppliedAckIsApplied() {
    var m = map(ResponseCode.CHANGED, Ack.applied(7, CRC).toJson());
    assertEquals(PushStatus.APPLIED, m.result().status());
    assertEquals(Optional.empty(), m.bad());
    assertTrue(m.ack().isPresent());
  }

  @Test
  void errorCodesWithARejectedAckAreRejectionsWithTheBoardsReason() {
    for (ResponseCode code :
        new ResponseCode[] {
          ResponseCode.BAD_REQUEST,
          ResponseCode.NOT_ACCEPTABLE,
          ResponseCode.REQUEST_ENTITY_TOO_LARGE
        }) {
      var m = map(code, Ack.rejected(7, CRC, RejectionReason.CRC).toJson());
      assertEquals(PushStatus.REJECTED, m.result().status(), code.text);
      assertEquals(RejectionReason.CRC, m.result().knownReason().orElseThrow());
    }
  }

  @Test
  void anUnknownReasonIsKeptAsText() {
    byte[] body =
        "{\"version\":7,\"crc\":\"6ef7f919\",\"status\":\"rejected\",\"reason\":\"gremlins\"}"
            .getBytes(StandardCharsets.UTF_8);
    var m = map(ResponseCode.BAD_REQUEST, body);
    assertEquals("gremlins", m.result().reason().orElseThrow());
    assertTrue(m.result().knownReason().isEmpty());
  }

  @Test
  void tooLargeAndServiceUnavailableMeanSomethingWithoutAnAck() {
    var big = map(ResponseCode.REQUEST_ENTITY_TOO_LARGE, "body too large".getBytes());
    assertEquals(RejectionReason.TOO_LARGE, big.result().knownReason().orElseThrow());
    assertEquals(Optional.empty(), big.bad());
    var busy = map(ResponseCode.SERVICE_UNAVAILABLE, new byte[0]);
    assertEquals(RejectionReason.BUSY, busy.result().knownReason().orElseThrow());
  }

  @Test
  void answersBreakingTheProtocolAreProtocolErrorsAndCounted() {
    assertEquals(Optional.of(BadInput.ACK_MALFORMED), map(ResponseCode.CHANGED, new byte[0]).bad());
    assertEquals(
        Optional.of(BadInput.ACK_MALFORMED), map(ResponseCode.CHANGED, "nope".getBytes()).bad());
    assertEquals(
        Optional.of(BadInput.ACK_OVERSIZED), map(ResponseCode.CHANGED, new byte[2000]).bad());
    var other = map(ResponseCode.CHANGED, Ack.applied(8, CRC).toJson());
    assertEquals(PushStatus.PROTOCOL_ERROR, other.result().status());
    assertEquals(Optional.of(BadInput.ACK_NOT_PUSHED), other.bad());
    var wrongCrc = map(ResponseCode.CHANGED, Ack.applied(7, 1).toJson());
    assertEquals(Optional.of(BadInput.ACK_NOT_PUSHED), wrongCrc.bad());
    var contradiction =
        map(ResponseCode.CHANGED, Ack.rejected(7, CRC, RejectionReason.CRC).toJson());
    assertEquals(PushStatus.PROTOCOL_ERROR, contradiction.result().status());
    var notFound = map(ResponseCode.NOT_FOUND, new byte[0]);
    assertEquals(PushStatus.PROTOCOL_ERROR, notFound.result().status());
  }
}
