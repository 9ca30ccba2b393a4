package io.edgeconf.bridge.transport.coap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.TestImages;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A board behind a link that loses 20 % of datagrams both ways still gets every image. */
class CoapLossIT {
  final CoapFixture gw = new CoapFixture(CoapContractIT.settings().build());

  @AfterEach
  void close() {
    gw.close();
  }

  @Test
  void pushesSucceedDespiteTwentyPercentLoss() throws Exception {
    ScriptedCoapBoard b =
        gw.board("lossy", ScriptedCoapBoard.Options.plain().withLoss(0.2).withLifetime(3600));
    await()
        .atMost(CoapFixture.WAIT)
        .until(
            () -> {
              try {
                b.announce();
                return true;
              } catch (Exception | AssertionError e) {
                return false;
              }
            });
    for (int v = 1; v <= 10; v++) {
      PushResult r = gw.push(b.id(), TestImages.image(v, 300), Duration.ofSeconds(60));
      assertEquals(PushStatus.APPLIED, r.status(), "push " + v + ": " + r.detail());
      assertEquals(v, r.version());
    }
    assertTrue(b.dropped() > 0, "the link did drop datagrams");
  }
}
