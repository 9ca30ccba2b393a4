package io.edgeconf.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.bridge.transport.BadInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, hostile DTLS peers: an agent whose CoAP endpoint speaks DTLS-PSK only serves nRF52840
 * boards with their keys and two ESP32 boards. A deploy rolls out while hostile clients make
 * hundreds of handshakes, each from a new port, with a wrong key for a known identity (a legitimate
 * board's id) or with unknown identities, and send plain CoAP registrations and junk to the DTLS
 * port; the storm goes on until every board runs the new version. No hostile handshake succeeds and
 * no plain datagram is answered; the agent counts at least one {@code dtls_auth_failed} for each
 * failed handshake that got as far as the client's Finished; its heap after GC stays within a
 * bound; it still answers {@code status}; and every legitimate board converges.
 */
class HostileDtlsIT {
  static final long SEED = 20_240_917L;
  static final long HEAP_BOUND = 64L << 20;
  static final int NRF = 4;
  static final int ESP32 = 2;
  static final int MIN_HANDSHAKES = 300;
  static final int MAX_HANDSHAKES = 3000;
  static final int MAX_PLAIN = 20_000;

  @TempDir Path dir;

  @Test
  void hostileDtlsPeersFailWhileLegitimateBoardsConverge() throws Exception {
    try (var h = new AgentHarness(dir, true, NRF)) {
      h.boards(ESP32, NRF);
      var key = h.key.getPrivate();
      h.deployAndConverge(Modules.compile("greenhouse", 7, key).module(), 7);
      long before = HostilePeersIT.heapAfterGc();
      long failedBefore = h.agent.badInput().count(BadInput.DTLS_AUTH_FAILED);
      var gateway = new InetSocketAddress("127.0.0.1", h.coapPort);

      var storm = new HandshakeStorm(gateway, h.psks.keySet().stream().toList(), h.gw, SEED);
      storm.start(8, MIN_HANDSHAKES, MAX_HANDSHAKES);
      var converged = new AtomicBoolean();
      var plain = CompletableFuture.supplyAsync(() -> plainCoap(gateway, converged));
      JsonNode answer = h.command("deploy", Modules.compile("greenhouse", 8, key).module());
      assertTrue(answer.path("ok").asBoolean(), answer.toString());
      await()
          .atMost(Duration.ofMinutes(5))
          .until(() -> h.sim.boards().stream().allMatch(b -> b.version() == 8));
      converged.set(true);
      var result = storm.finish();
      int[] datagrams = plain.get(5, TimeUnit.MINUTES);
      result.outcomes().forEach((k, v) -> System.out.println(v + " x " + k));

      assertEquals(0, result.established(), "hostile handshakes that succeeded");
      assertEquals(0, datagrams[1], "plain CoAP datagrams answered on the DTLS port");
      h.idle();
      assertEquals(8, h.active("greenhouse").path("version").asInt());
      assertEquals("idle", h.status().path("state").asText());

      // An unknown identity is counted at once; a wrong key only when the gateway's half-done
      // handshake runs out of retransmissions (about 30 s).
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  h.agent.badInput().count(BadInput.DTLS_AUTH_FAILED) - failedBefore
                      >= result.sentFinished());
      System.out.printf(
          "%d hostile handshakes (%d reached the client's Finished), %d plain datagrams;"
              + " dtls_auth_failed +%d; bad input %s%n",
          result.attempts(),
          result.sentFinished(),
          datagrams[0],
          h.agent.badInput().count(BadInput.DTLS_AUTH_FAILED) - failedBefore,
          h.agent.badInput().snapshot());
      assertTrue(result.sentFinished() > 0, "no hostile handshake got as far as its Finished");

      long after = HostilePeersIT.heapAfterGc();
      System.out.printf(
          "heap after GC: before %d KiB, after %d KiB (+%d KiB)%n",
          before >> 10, after >> 10, (after - before) >> 10);
      assertTrue(after - before < HEAP_BOUND, "heap grew by " + ((after - before) >> 20) + " MiB");
      for (var b : h.sim.boards()) {
        assertEquals(8, b.version(), b.id());
      }
    }
  }

  /**
   * Plain CoAP registrations and junk to the DTLS port until {@code stop} (bounded).
   *
   * @return datagrams sent, and how many got any answer
   */
  private static int[] plainCoap(InetSocketAddress gateway, AtomicBoolean stop) {
    Random r = new Random(SEED - 1);
    int sent = 0;
    int answered = 0;
    try (var s = new DatagramSocket(0)) {
      s.setSoTimeout(20);
      for (; sent < MAX_PLAIN && (sent < 300 || !stop.get()); sent++) {
        byte[] b;
        if (sent % 3 == 2) {
          b = new byte[1 + r.nextInt(300)];
          r.nextBytes(b);
        } else {
          b = HandshakeStorm.registration("plain-" + sent, sent);
        }
        s.send(new DatagramPacket(b, b.length, gateway));
        answered += received(s) ? 1 : 0;
      }
      s.setSoTimeout(2000);
      answered += received(s) ? 1 : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new int[] {sent, answered};
  }

  private static boolean received(DatagramSocket s) throws IOException {
    try {
      s.receive(new DatagramPacket(new byte[2048], 2048));
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }
}
