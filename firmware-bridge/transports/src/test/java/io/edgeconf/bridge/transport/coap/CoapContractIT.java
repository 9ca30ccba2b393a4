package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.BoardTransportContract;
import io.edgeconf.bridge.transport.CoapSettings;
import io.edgeconf.bridge.transport.RebootResult;
import io.edgeconf.bridge.transport.ScriptedBoard;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** The contract against the CoAP transport over real UDP on 127.0.0.1. */
class CoapContractIT extends BoardTransportContract {
  static CoapSettings.Builder settings() {
    return CoapSettings.builder()
        .bind("127.0.0.1", 0)
        .ackTimeout(Duration.ofMillis(300))
        .healthInterval(Duration.ofSeconds(2))
        .sweepInterval(Duration.ofMillis(200));
  }

  @Override
  protected BoardTransport newTransport(ScheduledExecutorService scheduler, Clock clock) {
    return new CoapBoardTransport(settings().build(), scheduler, clock);
  }

  @Override
  protected ScriptedBoard newBoard(String id) {
    int port = ((CoapBoardTransport) transport).port();
    return new ScriptedCoapBoard(
        id, new InetSocketAddress("127.0.0.1", port), ScriptedCoapBoard.Options.plain());
  }

  @Override
  protected Transport kind() {
    return Transport.COAP;
  }

  @Override
  protected RebootResult.Status rebootAnswer() {
    return RebootResult.Status.DONE;
  }
}
