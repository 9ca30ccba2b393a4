package io.edgeconf.bridge.transport.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.TestThreads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fleet boots at once and the broker drops part of the burst of retained {@code hello}s on the
 * way to the gateway (a private Mosquitto whose per-client queue holds one message, as a busy
 * broker's default queue of 1000 does for a thousand boards). The boards' health reports then
 * arrive from ids the transport does not know: it re-reads their retained hellos and learns every
 * board.
 */
class MqttHelloRecoveryIT {
  static final int BOARDS = 150;
  static final int RACKS = 6;
  static final String HELLO = "{\"board\":\"esp32\",\"fw\":\"1.0.0\",\"max_image\":4096}";
  static final Duration WAIT = Duration.ofSeconds(90);

  final String suffix = UUID.randomUUID().toString().substring(0, 8);
  final String root = "r-" + suffix + "/ec/d";
  final ScheduledExecutorService scheduler = TestThreads.scheduler("gw-mqtt", 4);
  Process broker;
  MqttBoardTransport transport;

  @AfterEach
  void stop() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (broker != null) {
      broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    scheduler.shutdownNow();
  }

  @Test
  void boardsWhoseRetainedHelloWasDroppedAreLearntFromTheirHealth() throws Exception {
    int port = TestMosquitto.freePort();
    String uri = "tcp://127.0.0.1:" + port;
    broker = TestMosquitto.start("hello-recovery", port, "max_queued_messages 1");
    transport =
        new MqttBoardTransport(
            MqttSettings.builder(uri, "gw-" + suffix).topicRoot(root).build(),
            scheduler,
            Clock.systemUTC());
    transport.start();
    await().atMost(WAIT).until(transport::ready);

    // The fleet boots: several racks of boards publish their retained hellos at once.
    List<MqttClient> racks = new ArrayList<>();
    try {
      for (int r = 0; r < RACKS; r++) {
        var rack = new MqttClient(uri, "rack-" + r + "-" + suffix, null);
        rack.connect(new MqttConnectionOptions());
        racks.add(rack);
      }
      List<Thread> boots = new ArrayList<>();
      for (int r = 0; r < RACKS; r++) {
        MqttClient rack = racks.get(r);
        int first = r;
        boots.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      for (int i = first; i < BOARDS; i += RACKS) {
                        publish(rack, topic(i, "hello"), HELLO, 1, true);
                      }
                    }));
      }
      for (Thread t : boots) {
        t.join();
      }
      // Each board reports its health every second, as the firmware does, until all are known.
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                for (int i = 0; i < BOARDS; i++) {
                  String health =
                      "{\"version\":0,\"crc\":\"00000000\",\"ok\":true,\"uptime_s\":" + i + "}";
                  publish(racks.get(i % RACKS), topic(i, "health"), health, 0, false);
                }
                return transport.boards().size() == BOARDS;
              });
    } finally {
      for (MqttClient rack : racks) {
        if (rack.isConnected()) {
          rack.disconnectForcibly(1000);
        }
        rack.close(true);
      }
    }
    long unknown = transport.badInput().count(BadInput.UNKNOWN_DEVICE);
    assertTrue(
        unknown > 0,
        "the broker dropped no hello, so this run did not exercise the recovery (raise BOARDS)");
  }

  /** Publishes, waiting while the broker's receive maximum (one message in flight) is reached. */
  private static void publish(
      MqttClient client, String topic, String payload, int qos, boolean retain) {
    while (true) {
      try {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain);
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
          throw new IllegalStateException(e);
        }
        Thread.onSpinWait();
      }
    }
  }

  private String topic(int board, String kind) {
    return root + "/esp-" + suffix + "-" + board + "/" + kind;
  }
}
