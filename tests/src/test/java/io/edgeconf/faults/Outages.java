package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;

import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.testing.MqttRequester;
import io.edgeconf.agent.testing.RolloutRig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Takes a rig's private broker away and brings it back without its retained messages, then gives
 * the rig a new operator client once the agent's management API is subscribed again.
 */
final class Outages {
  private Outages() {}

  /** Stops the broker, waits {@code gap} (zero: a plain restart), starts it again. */
  static void brokerDown(RolloutRig rig, Duration gap) throws Exception {
    rig.privateBroker.stop();
    if (!gap.isZero()) {
      // The outage itself is the fault under test.
      Thread.sleep(gap);
    }
    rig.privateBroker.restart();
    try {
      rig.client.close();
    } catch (Exception e) {
      // it lost its broker
    }
    rig.client = new MqttRequester(rig.broker, rig.gateway);
    // The agent publishes online = 1 once its command subscription is back: commands sent from
    // then on are answered.
    String online = Topics.online(rig.gateway);
    await().atMost(RolloutRig.LONG).until(() -> "1".equals(rig.client.retained.get(online)));
  }

  /**
   * Cuts or restores a simulated board's power through its control topic, sending again until the
   * board has it (the simulator's control client may still be reconnecting after an outage; both
   * commands are idempotent).
   */
  static void power(RolloutRig rig, String id, boolean on) {
    byte[] command =
        ("{\"power\":\"" + (on ? "on" : "off") + "\"}").getBytes(StandardCharsets.US_ASCII);
    await()
        .atMost(RolloutRig.LONG)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              if (rig.sim.board(id).orElseThrow().powered() != on) {
                rig.client.send("ec/sim/" + id + "/fault", command);
              }
              return rig.sim.board(id).orElseThrow().powered() == on;
            });
  }
}
