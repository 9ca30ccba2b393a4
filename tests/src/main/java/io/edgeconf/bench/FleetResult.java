package io.edgeconf.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything measured for one fleet size.
 *
 * @param boards fleet size
 * @param nrf how many of them are nRF52840 boards over CoAP (the rest ESP32 over MQTT)
 * @param agent where the agent ran
 * @param rollouts each good deploy
 * @param rollbacks each deploy that tripped the threshold
 * @param baselines each JSON baseline run (MQTT half only)
 * @param idle the child agent with every board known, before the first deploy
 * @param afterRollout after the last rollout completed
 * @param afterRollback after the last rollback completed
 * @param gc the child's GC log over the whole run
 */
record FleetResult(
    int boards,
    int nrf,
    String agent,
    List<RolloutTiming> rollouts,
    List<RolloutTiming> rollbacks,
    List<JsonBaseline.Result> baselines,
    Optional<JvmProbe.Snapshot> idle,
    Optional<JvmProbe.Snapshot> afterRollout,
    Optional<JvmProbe.Snapshot> afterRollback,
    Optional<JvmProbe.GcSummary> gc) {}
