package io.edgeconf.bridge.transport.coap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.TestImages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad registrations, bad answers and floods over CoAP; lifetimes and lapsed observations. */
class CoapBadInputIT {
  final CoapFixture gw =
      new CoapFixture(CoapContractIT.settings().maxRequestsPerSecond(5).maxBodyBytes(1024).build());

  @AfterEach
  void close() {
    gw.close();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  void expect(CoapResponse r, ResponseCode code) {
    assertEquals(code, r.getCode(), r.getResponseText());
  }

  @Test
  void badRegistrationsAreRefusedCountedAndCreateNoBoard() throws Exception {
    ScriptedCoapBoard b = gw.board("reg", ScriptedCoapBoard.Options.plain());
    byte[] hello = utf8("{\"board\":\"nrf52840\"}");
    expect(b.rawRegister("?lt=60", hello), ResponseCode.BAD_REQUEST);
    expect(b.rawRegister("?ep=bad%20id!&lt=60", hello), ResponseCode.BAD_REQUEST);
    expect(b.rawRegister("?ep=" + b.id() + "&lt=soon", hello), ResponseCode.BAD_REQUEST);
    expect(
        b.rawRegister("?ep=" + b.id() + "&lt=60", utf8("{\"board\":")), ResponseCode.BAD_REQUEST);
    expect(
        b.rawRegister("?ep=" + b.id() + "&lt=60", new byte[1500]),
        ResponseCode.REQUEST_ENTITY_TOO_LARGE);
    b.claimBoard("esp32");
    expect(b.register(60), ResponseCode.BAD_REQUEST);
    assertEquals(2, gw.transport.badInput().count(BadInput.REGISTRATION_MALFORMED));
    assertEquals(1, gw.transport.badInput().count(BadInput.INVALID_ID));
    assertEquals(1, gw.transport.badInput().count(BadInput.HELLO_MALFORMED));
    assertEquals(1, gw.transport.badInput().count(BadInput.HELLO_OVERSIZED));
    assertEquals(1, gw.transport.badInput().count(BadInput.WRONG_TRANSPORT));
    assertTrue(gw.transport.boards().isEmpty());
  }

  @Test
  void aRegistrationFloodIsThrottled() throws Exception {
    ScriptedCoapBoard b = gw.board("flood", ScriptedCoapBoard.Options.plain());
    int throttled = 0;
    for (int i = 0; i < 30; i++) {
      if (b.register(60).getCode() == ResponseCode.TOO_MANY_REQUESTS) {
        throttled++;
      }
    }
    assertTrue(throttled > 0);
    assertTrue(gw.transport.badInput().count(BadInput.FLOOD) > 0);
    assertEquals(1, gw.transport.boards().size());
  }

  @Test
  void unreadableAcksAreProtocolErrors() throws Exception {
    ScriptedCoapBoard b = gw.announced("garbage", ScriptedCoapBoard.Options.plain());
    b.replyRaw(utf8("not json"));
    PushResult r = gw.push(b.id(), TestImages.image(2, 100), Duration.ofSeconds(20));
    assertEquals(PushStatus.PROTOCOL_ERROR, r.status());
    assertEquals(1, gw.transport.badInput().count(BadInput.ACK_MALFORMED));
    b.replyRaw(Ack.applied(99, 1).toJson());
    r = gw.push(b.id(), TestImages.image(3, 100), Duration.ofSeconds(20));
    assertEquals(PushStatus.PROTOCOL_ERROR, r.status());
    assertEquals(1, gw.transport.badInput().count(BadInput.ACK_NOT_PUSHED));
  }

  @Test
  void malformedHealthIsCountedAndIgnored() throws Exception {
    ScriptedCoapBoard b = gw.announced("sick", ScriptedCoapBoard.Options.plain());
    await().atMost(CoapFixture.WAIT).until(() -> gw.events.sawHealthFrom(b.id()));
    int before = gw.events.health.size();
    b.reportRawHealth(utf8("{\"version\":\"seven\"}"));
    await()
        .atMost(CoapFixture.WAIT)
        .until(() -> gw.transport.badInput().count(BadInput.HEALTH_MALFORMED) > 0);
    assertEquals(before, gw.events.health.size());
    assertTrue(gw.transport.board(b.id()).orElseThrow().online());
  }

  @Test
  void anExpiredRegistrationGoesOfflineAndReRegisteringBringsItBack() throws Exception {
    ScriptedCoapBoard b = gw.announced("lifetime", ScriptedCoapBoard.Options.plain());
    b.goOffline();
    await().atMost(CoapFixture.WAIT).until(() -> gw.events.offline.contains(b.id()));
    PushResult r = gw.push(b.id(), TestImages.image(1, 40), Duration.ofSeconds(5));
    assertEquals(PushStatus.UNREACHABLE, r.status());
    b.announce();
    await().atMost(CoapFixture.WAIT).until(() -> gw.transport.board(b.id()).orElseThrow().online());
  }

  @Test
  void aLapsedObservationIsRenewed() throws Exception {
    ScriptedCoapBoard b = gw.announced("lapse", ScriptedCoapBoard.Options.plain());
    await().atMost(CoapFixture.WAIT).until(() -> gw.events.sawHealthFrom(b.id()));
    b.dropObservers(); // as after a reboot the gateway did not notice
    Health h = new Health(6, 6, true, 9, 2, "A");
    await()
        .atMost(CoapFixture.WAIT)
        .until(
            () -> {
              b.reportHealth(h);
              return gw.events.health.stream().anyMatch(x -> x.health().equals(h));
            });
  }

  @Test
  void silenceMakesABoardOffline() throws Exception {
    ScriptedCoapBoard b = gw.announced("mute", ScriptedCoapBoard.Options.plain());
    b.close(); // gone without a word; its registration would run for a minute
    await().atMost(CoapFixture.WAIT).until(() -> gw.events.offline.contains(b.id()));
    assertFalse(gw.transport.board(b.id()).orElseThrow().online());
  }
}
