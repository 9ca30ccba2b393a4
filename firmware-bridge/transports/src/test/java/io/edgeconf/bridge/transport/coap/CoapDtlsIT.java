package io.edgeconf.bridge.transport.coap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.CoapSettings;
import io.edgeconf.bridge.transport.PskFile;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.ScriptedBoard;
import io.edgeconf.bridge.transport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CoAP over DTLS with a pre-shared key per board, read from a key file. */
class CoapDtlsIT {
  static final byte[] KEY_A = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
  static final byte[] KEY_B = HexFormat.of().parseHex("0f0e0d0c0b0a09080706050403020100");
  static final byte[] WRONG = HexFormat.of().parseHex("deadbeefdeadbeefdeadbeefdeadbeef");

  @TempDir Path dir;
  CoapFixture gw;

  @AfterEach
  void close() {
    if (gw != null) {
      gw.close();
    }
  }

  /** A gateway with keys for dtls-a-SUFFIX and dtls-b-SUFFIX, read from a key file. */
  CoapFixture gateway() throws Exception {
    return gateway(UnaryOperator.identity());
  }

  /** The same with other settings too. */
  CoapFixture gateway(UnaryOperator<CoapSettings.Builder> more) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Path file = dir.resolve("psk-" + suffix + ".txt");
    Files.write(
        file,
        List.of(
            "# gateway keys: id:HEXKEY",
            "",
            PskFile.line("dtls-a-" + suffix, KEY_A) + "  # board A",
            PskFile.line("dtls-b-" + suffix, KEY_B)));
    Map<String, byte[]> keys = PskFile.load(file);
    return new CoapFixture(more.apply(CoapContractIT.settings().dtls(0, keys)).build(), suffix);
  }

  @Test
  void theRightKeyRegistersPushesAndReportsHealth() throws Exception {
    gw = gateway();
    ScriptedCoapBoard b = gw.announced("dtls-a", ScriptedCoapBoard.Options.plain().withPsk(KEY_A));
    PushResult r = gw.push(b.id(), TestImages.image(3, 200), Duration.ofSeconds(30));
    assertEquals(PushStatus.APPLIED, r.status(), r.detail());
    Health h = new Health(3, 0xabcdef01L, true, 5, 2, "B");
    b.reportHealth(h);
    await()
        .atMost(CoapFixture.WAIT)
        .until(() -> gw.events.health.stream().anyMatch(x -> x.health().equals(h)));
  }

  /**
   * A board that completes the handshake holds its key: when it then never answers, the push times
   * out. Here the gateway's session is stale, so the first attempt hears nothing and drops it; the
   * retry's handshake succeeds, and later retries keep that session. Nothing else is heard from the
   * board (its health is muted from the start).
   */
  @Test
  void aBoardThatCompletesTheHandshakeButNeverAnswersTimesOut() throws Exception {
    gw = gateway(s -> s.maxRetransmit(1)); // exchanges give up after about a second: retries
    ScriptedCoapBoard b = gw.board("dtls-a", ScriptedCoapBoard.Options.plain().withPsk(KEY_A));
    b.muteHealth();
    b.answer(ScriptedBoard.Answer.SILENT);
    announce(b);
    b.forgetDtlsSessions();
    int before = b.handshakes();
    PushResult r = gw.push(b.id(), TestImages.image(5, 40), Duration.ofSeconds(15));
    assertEquals(PushStatus.TIMEOUT, r.status(), r.detail());
    assertFalse(b.received().isEmpty(), "the retry reached the board");
    assertEquals(1, b.handshakes() - before, "one handshake; the retries kept its session");
  }

  /** Blocks the board acknowledged show it holds its key, though the last one is never answered. */
  @Test
  void aBoardThatAcknowledgesBlocksButNeverAnswersTimesOut() throws Exception {
    gw = gateway();
    ScriptedCoapBoard b = gw.board("dtls-a", ScriptedCoapBoard.Options.plain().withPsk(KEY_A));
    b.muteHealth();
    b.answer(ScriptedBoard.Answer.SILENT);
    announce(b);
    PushResult r = gw.push(b.id(), TestImages.image(6, 200), Duration.ofSeconds(8));
    assertEquals(PushStatus.TIMEOUT, r.status(), r.detail());
    assertTrue(b.block1Sizes().size() >= 2, "blocks acknowledged: " + b.block1Sizes());
  }

  /** A board that acknowledges the PUT and would answer later, after the deadline. */
  @Test
  void aBoardThatAcceptsThePushButAnswersTooLateTimesOut() throws Exception {
    gw = gateway();
    ScriptedCoapBoard b = gw.board("dtls-a", ScriptedCoapBoard.Options.plain().withPsk(KEY_A));
    b.muteHealth();
    b.acceptPushesWithoutAnswer();
    announce(b);
    PushResult r = gw.push(b.id(), TestImages.image(7, 40), Duration.ofSeconds(8));
    assertEquals(PushStatus.TIMEOUT, r.status(), r.detail());
    assertFalse(b.received().isEmpty(), "the image reached the board");
  }

  private void announce(ScriptedCoapBoard b) throws Exception {
    b.announce();
    await()
        .atMost(CoapFixture.WAIT)
        .until(() -> gw.transport.board(b.id()).map(x -> x.online()).orElse(false));
  }

  @Test
  void aWrongKeyCannotRegister() throws Exception {
    gw = gateway();
    ScriptedCoapBoard b = gw.board("dtls-b", ScriptedCoapBoard.Options.plain().withPsk(WRONG));
    boolean registered;
    try {
      var response = b.register(60);
      registered = response != null && response.getCode() == ResponseCode.CREATED;
    } catch (java.io.IOException e) {
      registered = false; // the board's side of the failed handshake
    }
    assertFalse(registered);
    assertFalse(gw.transport.board(b.id()).isPresent());
    await()
        .atMost(CoapFixture.WAIT)
        .until(() -> gw.transport.badInput().count(BadInput.DTLS_AUTH_FAILED) > 0);
  }

  @Test
  void aBoardWhoseKeyNoLongerMatchesIsAnAuthenticationFailure() throws Exception {
    gw = gateway();
    ScriptedCoapBoard b = gw.announced("dtls-b", ScriptedCoapBoard.Options.plain().withPsk(KEY_B));
    int port = b.address().getPort();
    String name = "dtls-b";
    b.close();
    // Reflashed with another key, back on the same address while its registration still runs.
    ScriptedCoapBoard reflashed =
        gw.board(name, ScriptedCoapBoard.Options.plain().withPsk(WRONG), gw.secure(), port);
    PushResult r = gw.push(reflashed.id(), TestImages.image(4, 100), Duration.ofSeconds(20));
    assertEquals(PushStatus.AUTH_FAILURE, r.status(), r.detail());
    assertTrue(reflashed.received().isEmpty());
  }

  @Test
  void aBoardWithAKeyMayNotRegisterWithoutDtls() throws Exception {
    gw = gateway();
    ScriptedCoapBoard b = gw.board("dtls-a", ScriptedCoapBoard.Options.plain(), gw.plain(), 0);
    var response = b.register(60);
    assertEquals(ResponseCode.UNAUTHORIZED, response.getCode());
    assertFalse(gw.transport.board(b.id()).isPresent());
    assertEquals(1, gw.transport.badInput().count(BadInput.IDENTITY_MISMATCH));
  }
}
