package io.edgeconf.bridge.transport.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.RecordingListener;
import io.edgeconf.bridge.transport.ScriptedBoard;
import io.edgeconf.bridge.transport.TestImages;
import io.edgeconf.bridge.transport.TestThreads;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away mid-push (a private Mosquitto, killed and restarted on the same port), and
 * the outgoing queue meets the broker's Receive Maximum.
 */
class MqttResilienceIT {
  static final Duration WAIT = Duration.ofSeconds(60);

  final String suffix = UUID.randomUUID().toString().substring(0, 8);
  final RecordingListener events = new RecordingListener();
  ScheduledExecutorService scheduler = TestThreads.scheduler("gw-mqtt", 4);
  Process broker;
  MqttBoardTransport transport;
  ScriptedMqttBoard board;

  @AfterEach
  void stop() throws Exception {
    if (board != null) {
      board.close();
    }
    if (transport != null) {
      transport.close();
    }
    if (broker != null) {
      broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    scheduler.shutdownNow();
  }

  static int freePort() throws IOException {
    return TestMosquitto.freePort();
  }

  Process startBroker(int port) throws Exception {
    return TestMosquitto.start("resilience", port);
  }

  MqttBoardTransport transport(String uri, int maxInflight) {
    MqttBoardTransport t =
        new MqttBoardTransport(
            MqttSettings.builder(uri, "gw-" + suffix)
                .topicRoot("r-" + suffix + "/ec/d")
                .reconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .maxInflight(maxInflight)
                .build(),
            scheduler,
            Clock.systemUTC());
    t.addListener(events);
    t.start();
    await().atMost(WAIT).until(t::ready);
    return t;
  }

  @Test
  void pushesPendingWhileTheBrokerRestartsCompleteAfterReconnecting() throws Exception {
    int port = freePort();
    String uri = "tcp://127.0.0.1:" + port;
    broker = startBroker(port);
    transport = transport(uri, 16);
    board = new ScriptedMqttBoard(uri, "r-" + suffix + "/ec/d", "esp-" + suffix);
    board.announce();
    await()
        .atMost(WAIT)
        .until(() -> transport.board(board.id()).map(b -> b.online()).orElse(false));

    // 1: the image reached the board, which stayed silent; the broker dies before any ack.
    board.answer(ScriptedBoard.Answer.SILENT);
    board.healthAfterAck(false);
    CompletableFuture<PushResult> inFlight =
        transport
            .push(board.id(), TestImages.image(41, 120), Duration.ofSeconds(90))
            .toCompletableFuture();
    await().atMost(WAIT).until(() -> board.received().size() == 1);
    broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> !transport.ready());
    board.answer(ScriptedBoard.Answer.APPLY);

    // 2: a push issued while the broker is down waits in the queue.
    broker = startBroker(port);
    PushResult r1 = inFlight.get(90, TimeUnit.SECONDS);
    assertEquals(PushStatus.APPLIED, r1.status(), r1.detail());
    await().atMost(WAIT).until(() -> transport.ready());
    assertTrue(events.up.contains(Boolean.TRUE), "a reconnect was reported");
    assertTrue(!events.down.isEmpty(), "the lost connection was reported");
  }

  @Test
  void aPushIssuedWhileTheBrokerIsDownIsQueuedAndDelivered() throws Exception {
    int port = freePort();
    String uri = "tcp://127.0.0.1:" + port;
    broker = startBroker(port);
    transport = transport(uri, 16);
    board = new ScriptedMqttBoard(uri, "r-" + suffix + "/ec/d", "esp-" + suffix);
    board.announce();
    await()
        .atMost(WAIT)
        .until(() -> transport.board(board.id()).map(b -> b.online()).orElse(false));
    broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> !transport.ready());
    CompletableFuture<PushResult> queued =
        transport
            .push(board.id(), TestImages.image(42, 120), Duration.ofSeconds(90))
            .toCompletableFuture();
    await().atMost(WAIT).until(() -> transport.queuedPublishes() == 1);
    broker = startBroker(port);
    PushResult r = queued.get(90, TimeUnit.SECONDS);
    assertEquals(PushStatus.APPLIED, r.status(), r.detail());
  }

  @Test
  void moreInflightThanTheBrokerAllowsIsQueuedAndRetriedNotDropped() throws Exception {
    int port = freePort();
    String uri = "tcp://127.0.0.1:" + port;
    broker = startBroker(port);
    // Mosquitto's Receive Maximum is 20: 200 in flight makes Paho refuse with 32202.
    transport = transport(uri, 200);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      all.add(transport.setDesired("many-" + i, TestImages.image(i, 64)).toCompletableFuture());
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
    assertTrue(all.stream().noneMatch(CompletableFuture::isCompletedExceptionally));
    // clear them again (the private broker dies with the test anyway)
    assertEquals(0, transport.queuedPublishes());
  }
}
