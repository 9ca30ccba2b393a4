package io.edgeconf.bridge.transport.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.image.RejectionReason;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.MutableClock;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.RecordingListener;
import io.edgeconf.bridge.transport.TestImages;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import io.edgeconf.bridge.transport.internal.Listeners;
import io.edgeconf.bridge.transport.internal.PendingPush;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MQTT transport's decisions, message by message, without a broker. */
class MqttBoardStateTest {
  final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  final BadInputLog bad = new BadInputLog("test", clock);
  final Listeners listeners = new Listeners();
  final RecordingListener events = new RecordingListener();
  final List<String> rereads = new ArrayList<>();
  final MqttBoardState state = new MqttBoardState(clock, bad, listeners, 100, 1000, rereads::add);
  final MqttTopics topics = new MqttTopics("ec/d");

  void msg(String id, String kind, byte[] payload) {
    state.onMessage(topics.parse("ec/d/" + id + "/" + kind).orElseThrow(), payload);
  }

  void msg(String id, String kind, String payload) {
    msg(id, kind, payload.getBytes(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void board() {
    listeners.add(events);
    msg("e1", "online", "1"); // retained online may come first
    msg("e1", "hello", "{\"board\":\"esp32\",\"zone\":\"north\",\"max_image\":2048}");
  }

  @Test
  void healthFromABoardWhoseHelloWasLostReReadsTheHelloAtMostOnceInAWhile() {
    String health = "{\"version\":0,\"crc\":\"00000000\",\"ok\":true}";
    msg("e2", "health", health);
    msg("e2", "health", health);
    msg("e2", "online", "1");
    assertEquals(List.of("e2"), rereads, "one re-read, and only for what a board sends itself");
    assertEquals(2, bad.count(BadInput.UNKNOWN_DEVICE));
    clock.advance(HelloRecovery.PER_BOARD);
    msg("e2", "ack", "{\"version\":1,\"crc\":\"00000000\",\"status\":\"applied\"}");
    assertEquals(List.of("e2", "e2"), rereads);
    msg("e2", "hello", "{\"board\":\"esp32\"}");
    msg("e2", "health", health);
    assertEquals(2, rereads.size(), "a known board needs no re-read");
    assertTrue(state.table().get("e2").orElseThrow().online(), "its online came before the hello");
  }

  @Test
  void reReadsOfManyUnknownIdsAreRateLimited() {
    String health = "{\"version\":0,\"crc\":\"00000000\",\"ok\":true}";
    for (int i = 0; i < 500; i++) {
      msg("x" + i, "health", health);
    }
    assertEquals((int) (HelloRecovery.PER_SECOND * 2), rereads.size(), "the burst, then none");
    clock.advance(java.time.Duration.ofSeconds(1));
    msg("y", "health", health);
    assertEquals((int) (HelloRecovery.PER_SECOND * 2) + 1, rereads.size());
  }

  @Test
  void helloAndOnlineInAnyOrderMakeAnOnlineBoard() {
    assertTrue(state.table().get("e1").orElseThrow().online());
    assertEquals(2048, state.table().get("e1").orElseThrow().maxImage());
    msg("e1", "hello", "{\"board\":\"esp32\",\"zone\":\"north\",\"max_image\":2048}");
    assertEquals(1, events.seen.size(), "a repeated retained hello is not news");
    msg("e1", "online", "0");
    assertEquals(1, events.offline.size());
  }

  @Test
  void anAckMatchingVersionAndCrcCompletesThePush() throws Exception {
    byte[] image = TestImages.image(7, 60);
    PendingPush p = state.beginPush("e1", image, ImageInfo.of(image));
    msg("e1", "ack", Ack.rejected(7, ImageCodec.crcOf(image), RejectionReason.RANGE).toJson());
    assertEquals(PushStatus.REJECTED, p.future().get().status());
    assertEquals("range", p.future().get().reason().orElseThrow());
    assertEquals(1, events.acks.size());
  }

  @Test
  void acksForImagesNeverPushedAreCountedAndIgnored() {
    byte[] image = TestImages.image(7, 60);
    PendingPush p = state.beginPush("e1", image, ImageInfo.of(image));
    msg("e1", "ack", Ack.applied(7, 1).toJson());
    msg("e1", "ack", Ack.applied(6, ImageCodec.crcOf(image)).toJson());
    assertEquals(2, bad.count(BadInput.ACK_NOT_PUSHED));
    assertFalse(p.done());
    assertTrue(events.acks.isEmpty());
  }

  @Test
  void aLateAckForAnEarlierPushIsReportedNotCounted() {
    byte[] v1 = TestImages.image(1, 60);
    byte[] v2 = TestImages.image(2, 60);
    PendingPush first = state.beginPush("e1", v1, ImageInfo.of(v1));
    state.beginPush("e1", v2, ImageInfo.of(v2));
    assertEquals(PushStatus.SUPERSEDED, first.future().join().status());
    msg("e1", "ack", Ack.applied(1, ImageCodec.crcOf(v1)).toJson());
    assertEquals(0, bad.total());
    assertEquals(1, events.acks.size());
  }

  @Test
  void aHealthReportRunningThePushedImageConfirmsAPushWhoseAckWasLost() {
    byte[] image = TestImages.image(9, 60);
    PendingPush p = state.beginPush("e1", image, ImageInfo.of(image));
    msg("e1", "health", new Health(8, 5, true, 1, 1, "A").toJson());
    assertFalse(p.done());
    msg("e1", "health", new Health(9, ImageCodec.crcOf(image), true, 1, 1, "B").toJson());
    assertEquals(PushStatus.APPLIED, p.future().join().status());
    assertEquals(2, events.health.size());
  }

  @Test
  void theDeadlineSaysTimeoutOnlineAndUnreachableOffline() {
    byte[] image = TestImages.image(3, 60);
    PendingPush p = state.beginPush("e1", image, ImageInfo.of(image));
    state.deadline(p);
    assertEquals(PushStatus.TIMEOUT, p.future().join().status());
    msg("e1", "online", "0");
    PendingPush q = state.beginPush("e1", image, ImageInfo.of(image));
    state.deadline(q);
    assertEquals(PushStatus.UNREACHABLE, q.future().join().status());
  }

  @Test
  void badInputNeverChangesState() {
    msg("e1", "hello", "{\"board\":\"esp32\",\"fw\":\"x\"}");
    msg("e1", "online", "yes");
    msg("e1", "ack", "{}");
    msg("e1", "health", new byte[1500]);
    msg("bad id", "health", "{}");
    msg("ghost", "health", new Health(1, 1, true, 1, 1, "A").toJson());
    msg("n1", "hello", "{\"board\":\"nrf52840\"}");
    assertEquals(1, bad.count(BadInput.HELLO_MALFORMED));
    assertEquals(1, bad.count(BadInput.ONLINE_MALFORMED));
    assertEquals(1, bad.count(BadInput.ACK_MALFORMED));
    assertEquals(1, bad.count(BadInput.HEALTH_OVERSIZED));
    assertEquals(1, bad.count(BadInput.INVALID_ID));
    assertEquals(1, bad.count(BadInput.UNKNOWN_DEVICE));
    assertEquals(1, bad.count(BadInput.WRONG_TRANSPORT));
    assertEquals("north", state.table().get("e1").orElseThrow().attributes().zone());
    assertTrue(state.table().get("e1").orElseThrow().online());
    assertEquals(1, state.table().size());
  }

  @Test
  void aFloodFromOneBoardIsCut() {
    MqttBoardState strict = new MqttBoardState(clock, bad, listeners, 100, 5, rereads::add);
    strict.onMessage(
        topics.parse("ec/d/f1/hello").orElseThrow(), "{\"board\":\"esp32\"}".getBytes());
    for (int i = 0; i < 50; i++) {
      strict.onMessage(
          topics.parse("ec/d/f1/health").orElseThrow(), new Health(1, 1, true, 1, 1, "A").toJson());
    }
    assertTrue(bad.count(BadInput.FLOOD) >= 40);
  }
}
