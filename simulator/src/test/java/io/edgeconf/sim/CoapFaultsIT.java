package io.edgeconf.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults and malformed images on nRF52840 boards, seen by a real CoAP client. */
class CoapFaultsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String prefix = Ids.prefix("cf");
  private FakeGateway gateway;
  private CoapProbe coap;
  private Simulator sim;

  @BeforeEach
  void setUp() {
    gateway = new FakeGateway();
    coap = new CoapProbe();
    sim =
        Simulator.start(
            SimulatorOptions.builder()
                .boards("nrf52840", 4)
                .idPrefix(prefix)
                .firmware(Greenhouse.firmware())
                .gatewayCoap(gateway.hostPort())
                .registrationLifetime(Duration.ofSeconds(2))
                .healthInterval(Duration.ofMillis(500))
                .rebootDelay(Duration.ofMillis(300))
                .build());
  }

  @AfterEach
  void tearDown() {
    sim.close();
    coap.close();
    gateway.close();
  }

  private String id(int n) {
    return prefix + "-nrf52840-00" + n;
  }

  private InetSocketAddress addr(int n) {
    return sim.coapAddress(id(n)).orElseThrow();
  }

  private CoapResponse push(int n, byte[] image, long timeoutMs) throws Exception {
    return coap.client(addr(n), "cfg")
        .setTimeout(timeoutMs)
        .put(image, MediaTypeRegistry.APPLICATION_OCTET_STREAM);
  }

  @Test
  void malformedImagesAreAnsweredWithTheirReasonAndCode() throws Exception {
    for (Map.Entry<RejectionReason, byte[]> e : BadImages.forCapacity(1024).entrySet()) {
      CoapResponse r = push(1, e.getValue(), 20_000);
      Ack ack = CoapProbe.ack(r);
      assertEquals(java.util.Optional.of(e.getKey().wireName()), ack.reason(), e.getKey().name());
      ResponseCode expected =
          switch (e.getKey()) {
            case TOO_LARGE -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
            case POLICY, SCHEMA -> ResponseCode.NOT_ACCEPTABLE;
            default -> ResponseCode.BAD_REQUEST;
          };
      assertEquals(expected, r.getCode(), e.getKey().name());
    }
    assertEquals(0, sim.board(id(1)).orElseThrow().version(), "nothing was applied");
  }

  @Test
  void lossDropsDatagramsBothWaysUntilCleared() throws Exception {
    sim.setFault(id(2), "loss=100");
    int registrations = gateway.registrations(id(2)).size();
    assertNull(push(2, Greenhouse.nrf(), 3_000), "every datagram is lost");
    sim.clearFault(id(2), FaultKind.LOSS);
    await().atMost(WAIT).until(() -> gateway.registrations(id(2)).size() > registrations);
    CoapResponse ok = push(2, Greenhouse.nrf(), 20_000);
    assertEquals(ResponseCode.CHANGED, ok.getCode());
    sim.setFault(id(2), "loss=30");
    CoapResponse lossy = push(2, Greenhouse.image(8, 5000), 60_000);
    assertEquals(ResponseCode.CHANGED, lossy.getCode(), "retransmissions get through 30% loss");
  }

  @Test
  void noAckNeverAnswersAndSlowAnswersLate() throws Exception {
    sim.setFaults("no-ack@" + id(3));
    assertNull(push(3, Greenhouse.nrf(), 3_000));
    sim.clearFaults(id(3));
    sim.setFault(id(3), "slow=1500ms");
    long t0 = System.nanoTime();
    CoapResponse r = push(3, Greenhouse.nrf(), 20_000);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(ResponseCode.CHANGED, r.getCode());
    assertTrue(ms >= 1500, "answered after " + ms + " ms");
  }

  @Test
  void crashAfterApplyRevertsAndReRegisters() throws Exception {
    assertEquals(ResponseCode.CHANGED, push(4, Greenhouse.nrf(), 20_000).getCode());
    long boot = sim.board(id(4)).orElseThrow().boot();
    sim.setFault(id(4), "crash-after-apply=500ms");
    byte[] v8 = Greenhouse.image(8, 5000);
    CoapResponse r = push(4, v8, 20_000);
    assertEquals(ImageCodec.crcOf(v8), CoapProbe.ack(r).crc());
    await().atMost(WAIT).until(() -> sim.board(id(4)).orElseThrow().boot() == boot + 1);
    int regs = gateway.registrations(id(4)).size();
    await().atMost(WAIT).until(() -> gateway.registrations(id(4)).size() > regs);
    Health h = Health.parse(coap.client(addr(4), "health").get().getPayload());
    assertEquals(Greenhouse.NRF_CRC, h.crc());
    assertEquals(7, h.version());
  }
}
