package io.edgeconf.sim.internal;

import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Ack;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * {@code PUT /cfg}: a push. Californium's block-wise layer reassembles Block1 transfers (at the
 * board's block size) before the board sees the image. Answers 2.04 with the JSON ack, or 4.13
 * ({@code too_large}), 4.06 ({@code policy}, {@code schema}) or 4.00 (any other reason) with it.
 */
final class CfgResource extends CoapResource {
  private final CoapBoard board;

  CfgResource(CoapBoard board) {
    super("cfg");
    this.board = board;
    getAttributes().setTitle("config image");
  }

  @Override
  public void handlePUT(CoapExchange exchange) {
    board.receivePush(exchange.getRequestPayload(), new Sink(exchange));
  }

  static ResponseCode codeOf(Ack ack) {
    if (ack.applied()) {
      return ResponseCode.CHANGED;
    }
    RejectionReason reason = ack.knownReason().orElse(RejectionReason.FORMAT);
    return switch (reason) {
      case TOO_LARGE -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
      case POLICY, SCHEMA -> ResponseCode.NOT_ACCEPTABLE;
      default -> ResponseCode.BAD_REQUEST;
    };
  }

  private record Sink(CoapExchange exchange) implements AckSink {
    @Override
    public void ack(Ack ack) {
      exchange.respond(codeOf(ack), ack.toJson(), MediaTypeRegistry.APPLICATION_JSON);
    }

    @Override
    public void deferred() {
      exchange.accept();
    }
  }
}
