package io.edgeconf.bridge.transport.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.BoardTransports;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.RecordingListener;
import io.edgeconf.bridge.transport.TestImages;
import io.edgeconf.bridge.transport.TestThreads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad MQTT input is counted, ignored, and changes no board's state. */
class MqttBadInputIT {
  static final String BROKER = MqttContractIT.BROKER;
  static final Duration WAIT = Duration.ofSeconds(30);

  final String suffix = UUID.randomUUID().toString().substring(0, 8);
  final String root = "t-" + suffix + "/ec/d";
  final RecordingListener events = new RecordingListener();
  ScheduledExecutorService scheduler;
  BoardTransport transport;
  MqttAsyncClient raw;
  ScriptedMqttBoard board;

  @BeforeEach
  void start() throws Exception {
    scheduler = TestThreads.scheduler("gw-mqtt", 4);
    transport =
        BoardTransports.mqtt(
            MqttSettings.builder(BROKER, "gw-" + suffix)
                .topicRoot(root)
                .maxMessagesPerSecond(20)
                .build(),
            scheduler,
            Clock.systemUTC());
    transport.addListener(events);
    transport.start();
    await().atMost(WAIT).until(transport::ready);
    raw = new MqttAsyncClient(BROKER, "raw-" + suffix, new MemoryPersistence());
    raw.connect().waitForCompletion(10_000);
    board = new ScriptedMqttBoard(BROKER, root, "good-" + suffix);
    board.announce();
    await().atMost(WAIT).until(() -> transport.board(board.id()).isPresent());
  }

  @AfterEach
  void stop() throws Exception {
    board.close();
    for (String id : new String[] {"bad1", "bad2", "bad3", "nrf", "big"}) {
      raw.publish(root + "/" + id + "-" + suffix + "/hello", new byte[0], 1, true)
          .waitForCompletion(5000);
    }
    raw.disconnect().waitForCompletion(5000);
    raw.close();
    transport.close();
    scheduler.shutdownNow();
  }

  void send(String id, String kind, byte[] payload, boolean retained) throws Exception {
    raw.publish(root + "/" + id + "/" + kind, payload, 1, retained).waitForCompletion(10_000);
  }

  void send(String id, String kind, String payload) throws Exception {
    send(id, kind, payload.getBytes(StandardCharsets.UTF_8), false);
  }

  void awaitCount(BadInput cause, long atLeast) {
    await().atMost(WAIT).until(() -> transport.badInput().count(cause) >= atLeast);
  }

  @Test
  void malformedAndOversizedHellosCreateNoBoard() throws Exception {
    send("bad1-" + suffix, "hello", "{\"board\":".getBytes(StandardCharsets.UTF_8), true);
    send("bad2-" + suffix, "hello", "{\"fw\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8), true);
    send("big-" + suffix, "hello", new byte[5000], true);
    send(
        "nrf-" + suffix,
        "hello",
        "{\"board\":\"nrf52840\"}".getBytes(StandardCharsets.UTF_8),
        true);
    send(
        "bad3-" + suffix,
        "hello",
        "{\"board\":\"esp32\",\"fw\":\"one\"}".getBytes(StandardCharsets.UTF_8),
        true);
    awaitCount(BadInput.HELLO_MALFORMED, 3);
    awaitCount(BadInput.HELLO_OVERSIZED, 1);
    awaitCount(BadInput.WRONG_TRANSPORT, 1);
    assertEquals(1, transport.boards().size());
  }

  @Test
  void idsBreakingThePatternAreCounted() throws Exception {
    send("bad id!", "health", new Health(1, 1, true, 1, 1, "A").toJson(), false);
    awaitCount(BadInput.INVALID_ID, 1);
    assertEquals(1, transport.boards().size());
  }

  @Test
  void messagesFromUnknownDevicesAreCounted() throws Exception {
    send("ghost-" + suffix, "health", new Health(1, 1, true, 1, 1, "A").toJson(), false);
    send("ghost-" + suffix, "ack", Ack.applied(1, 1).toJson(), false);
    awaitCount(BadInput.UNKNOWN_DEVICE, 2);
    assertFalse(events.sawHealthFrom("ghost-" + suffix));
  }

  @Test
  void malformedAcksHealthAndOnlineChangeNothing() throws Exception {
    String id = board.id();
    await().atMost(WAIT).until(() -> transport.board(id).orElseThrow().online());
    send(id, "ack", "{\"version\":1}");
    send(id, "ack", new byte[2000], false);
    send(id, "health", "[]");
    send(id, "health", new byte[2000], false);
    send(id, "online", "maybe");
    awaitCount(BadInput.ACK_MALFORMED, 1);
    awaitCount(BadInput.ACK_OVERSIZED, 1);
    awaitCount(BadInput.HEALTH_MALFORMED, 1);
    awaitCount(BadInput.HEALTH_OVERSIZED, 1);
    awaitCount(BadInput.ONLINE_MALFORMED, 1);
    assertTrue(transport.board(id).orElseThrow().online());
    assertTrue(events.health.isEmpty());
  }

  @Test
  void anAckForAVersionNeverPushedIsCountedAndDoesNotCompleteAPush() throws Exception {
    String id = board.id();
    board.answer(ScriptedMqttBoard.Answer.SILENT);
    byte[] image = TestImages.image(21, 64);
    CompletableFuture<PushResult> push =
        transport.push(id, image, Duration.ofSeconds(30)).toCompletableFuture();
    await().atMost(WAIT).until(() -> !board.received().isEmpty());
    board.publish("ack", Ack.applied(99, 0x1234).toJson(), 1, false);
    board.publish("ack", Ack.applied(21, 0x1234).toJson(), 1, false); // right version, wrong CRC
    awaitCount(BadInput.ACK_NOT_PUSHED, 2);
    assertFalse(push.isDone());
    board.publish("ack", Ack.applied(21, ImageCodec.crcOf(image)).toJson(), 1, false);
    assertEquals(PushStatus.APPLIED, push.get(30, TimeUnit.SECONDS).status());
  }

  @Test
  void aFloodIsCountedAndTheBoardStillWorks() throws Exception {
    String id = board.id();
    byte[] h = new Health(0, 0, true, 1, 1, "A").toJson();
    for (int i = 0; i < 300; i++) {
      raw.publish(root + "/" + id + "/health", h, 0, false);
    }
    awaitCount(BadInput.FLOOD, 1);
    await().atMost(WAIT).pollDelay(Duration.ofSeconds(2)).until(() -> true);
    PushResult r =
        transport
            .push(id, TestImages.image(5, 64), Duration.ofSeconds(20))
            .toCompletableFuture()
            .get(40, TimeUnit.SECONDS);
    assertEquals(PushStatus.APPLIED, r.status(), r.detail());
  }
}
