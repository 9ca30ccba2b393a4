package io.edgeconf.bridge.transport.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeconf.bridge.transport.RebootResult;
import io.edgeconf.bridge.transport.TestImages;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /reboot}: its arguments, and a board that resets it. */
class CoapRebootIT {
  final CoapFixture gw = new CoapFixture(CoapContractIT.settings().build());

  @AfterEach
  void close() {
    gw.close();
  }

  RebootResult reboot(ScriptedCoapBoard b, Duration deadline) throws Exception {
    return gw.transport
        .reboot(b.id(), deadline)
        .toCompletableFuture()
        .get(deadline.toSeconds() + 30, TimeUnit.SECONDS);
  }

  @Test
  void aDeadlineThatIsNotPositiveIsRefusedInTheCallersThreadAsForAPush() throws Exception {
    ScriptedCoapBoard b = gw.announced("deadline", ScriptedCoapBoard.Options.plain());
    for (Duration bad : Arrays.asList(null, Duration.ZERO, Duration.ofSeconds(-1))) {
      assertThrows(
          IllegalArgumentException.class,
          () -> gw.transport.push(b.id(), TestImages.image(1, 40), bad),
          "push, deadline " + bad);
      assertThrows(
          IllegalArgumentException.class,
          () -> gw.transport.reboot(b.id(), bad),
          "reboot, deadline " + bad);
    }
    assertEquals(0, b.reboots());
    assertEquals(RebootResult.Status.DONE, reboot(b, Duration.ofSeconds(10)).status());
    assertEquals(1, b.reboots());
  }

  /** Only the reset can give this result: the deadline gives a timeout. */
  @Test
  void aBoardThatResetsTheRequestRefusesItAtOnce() throws Exception {
    ScriptedCoapBoard b = gw.announced("reset", ScriptedCoapBoard.Options.plain());
    b.resetReboots();
    RebootResult r = reboot(b, Duration.ofSeconds(20));
    assertEquals(RebootResult.Status.REFUSED, r.status(), r.detail());
    assertEquals(0, b.reboots());
  }
}
