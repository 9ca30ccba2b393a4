package io.edgeconf.sim;

import static org.awaitility.Awaitility.await;

import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A simulator with MQTT boards and a probe that sees their topics. */
final class MqttFixture implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);

  final MqttProbe probe;
  final Simulator sim;
  final List<SimEvent> events = new CopyOnWriteArrayList<>();

  MqttFixture(SimulatorOptions.Builder options) throws Exception {
    probe = new MqttProbe();
    sim =
        Simulator.start(
            options
                .broker(MqttProbe.BROKER)
                .healthInterval(Duration.ofMillis(500))
                .rebootDelay(Duration.ofMillis(300))
                .clearRetainedOnClose(true)
                .build(),
            List.of(events::add));
    for (String id : sim.ids()) {
      probe.subscribe("ec/d/" + id + "/#");
    }
  }

  static String topic(String id, String leaf) {
    return "ec/d/" + id + "/" + leaf;
  }

  void push(String id, byte[] image) throws Exception {
    probe.publish(topic(id, "cfg"), image, true);
  }

  List<Ack> acks(String id) {
    return probe.on(topic(id, "ack")).stream().map(r -> Ack.parse(r.payload())).toList();
  }

  Ack awaitAck(String id, int count) {
    await().atMost(WAIT).until(() -> acks(id).size() >= count);
    return acks(id).get(count - 1);
  }

  List<Health> health(String id) {
    return probe.on(topic(id, "health")).stream().map(r -> Health.parse(r.payload())).toList();
  }

  /** Waits for a health report that matches, and returns it. */
  Health awaitHealth(String id, Predicate<Health> test) {
    await().atMost(WAIT).until(() -> health(id).stream().anyMatch(test));
    return health(id).stream().filter(test).findFirst().orElseThrow();
  }

  /** The {@code online} payloads seen, in order. */
  List<String> online(String id) {
    return probe.on(topic(id, "online")).stream().map(MqttProbe.Received::text).toList();
  }

  boolean sawEvent(String id, SimEvent.Kind kind) {
    return events.stream().anyMatch(e -> e.deviceId().equals(id) && e.kind() == kind);
  }

  void awaitEvent(String id, SimEvent.Kind kind) {
    await().atMost(WAIT).until(() -> sawEvent(id, kind));
  }

  @Override
  public void close() throws Exception {
    sim.close();
    probe.close();
  }
}
