package io.edgeconf.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.message.Hello;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nRF52840 boards over real UDP on 127.0.0.1, driven by a real Californium client. */
class CoapBoardIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private FakeGateway gateway;
  private CoapProbe coap;
  private Simulator sim;

  @BeforeEach
  void setUp() {
    gateway = new FakeGateway();
    coap = new CoapProbe();
  }

  @AfterEach
  void tearDown() {
    if (sim != null) {
      sim.close();
    }
    coap.close();
    gateway.close();
  }

  private void start(SimulatorOptions.Builder b) {
    sim =
        Simulator.start(
            b.gatewayCoap(gateway.hostPort())
                .idPrefix(Ids.prefix("co"))
                .healthInterval(Duration.ofMillis(500))
                .registrationLifetime(Duration.ofSeconds(2))
                .build());
  }

  @Test
  void registersFromItsOwnEndpointAndAppliesEachVectorPushedBlockWise() throws Exception {
    start(SimulatorOptions.builder().boards("nrf52840", 1).policy("greenhouse"));
    String id = sim.ids().get(0);
    await().atMost(WAIT).until(() -> gateway.registrations(id).size() >= 2);
    FakeGateway.Registration reg = gateway.registrations(id).get(0);
    assertEquals("2", reg.lt());
    Hello hello = Hello.parse(reg.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("nrf52840", hello.board());
    assertEquals(1024, hello.maxImage());
    InetSocketAddress board = gateway.addressOf(id);
    assertEquals(sim.coapAddress(id).orElseThrow().getPort(), board.getPort());

    List<Health> reports = new CopyOnWriteArrayList<>();
    CoapObserveRelation relation =
        coap.client(board, "health")
            .observe(
                new CoapHandler() {
                  @Override
                  public void onLoad(CoapResponse response) {
                    reports.add(Health.parse(response.getPayload()));
                  }

                  @Override
                  public void onError() {}
                });

    for (byte[] image : List.of(Greenhouse.nrf(), Greenhouse.esp())) {
      CoapResponse response = coap.push(board, image);
      assertEquals(ResponseCode.CHANGED, response.getCode());
      Ack ack = CoapProbe.ack(response);
      assertTrue(ack.applied());
      long crc = io.edgeconf.bridge.image.ImageCodec.crcOf(image);
      assertEquals(crc, ack.crc());
      await().atMost(WAIT).until(() -> reports.stream().anyMatch(h -> h.crc() == crc && h.ok()));
    }
    relation.proactiveCancel();
    assertEquals("B", sim.board(id).orElseThrow().activeSlot());
  }

  @Test
  void rebootAnswersThenBootsAgainAndReRegisters() throws Exception {
    start(SimulatorOptions.builder().boards("nrf52840", 1));
    String id = sim.ids().get(0);
    InetSocketAddress board = sim.coapAddress(id).orElseThrow();
    assertEquals(ResponseCode.CHANGED, coap.push(board, Greenhouse.nrf()).getCode());
    long boot = sim.board(id).orElseThrow().boot();
    int before = gateway.registrations(id).size();
    CoapResponse r = coap.client(board, "reboot").post(new byte[0], 0);
    assertEquals(ResponseCode.CHANGED, r.getCode());
    await().atMost(WAIT).until(() -> sim.board(id).orElseThrow().boot() == boot + 1);
    await().atMost(WAIT).until(() -> gateway.registrations(id).size() > before);
    CoapResponse health = coap.client(board, "health").get();
    Health h = Health.parse(health.getPayload());
    assertEquals(Greenhouse.NRF_CRC, h.crc());
    assertEquals(boot + 1, h.boot());
  }
}
