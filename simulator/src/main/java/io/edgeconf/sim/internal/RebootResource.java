package io.edgeconf.sim.internal;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** {@code POST /reboot}: answers 2.04, then the board restarts. */
final class RebootResource extends CoapResource {
  private final CoapBoard board;

  RebootResource(CoapBoard board) {
    super("reboot");
    this.board = board;
  }

  @Override
  public void handlePOST(CoapExchange exchange) {
    exchange.respond(ResponseCode.CHANGED);
    board.rebootSoon();
  }
}
