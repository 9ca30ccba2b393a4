package io.edgeconf.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.testing.RolloutRig;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.faults.StoreReader.DeviceStep;
import io.edgeconf.sim.BoardSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The soak's checks of one deploy and of the end state: the agent done with the rollout, boards and
 * store against the {@link FleetModel}, failures against the faults, the active module, the
 * management API's device entries and history. Each returns what is wrong rather than throwing, so
 * that a report lists every disagreement at once.
 */
final class SoakChecks {
  private static final Duration QUIET = Duration.ofMinutes(10);

  private final RolloutRig rig;
  private final StoreReader store;
  private final FleetModel model;
  private final OneImageFaults faults;
  private final long seed;

  SoakChecks(
      RolloutRig rig, StoreReader store, FleetModel model, OneImageFaults faults, long seed) {
    this.rig = rig;
    this.store = store;
    this.model = model;
    this.faults = faults;
    this.seed = seed;
  }

  /**
   * Waits until the engine is done with every board of the rollout, the agent is idle and every
   * board runs its desired image.
   */
  void awaitQuiet(String rollout) {
    var why = new AtomicReference<String>("not checked yet");
    try {
      await()
          .atMost(QUIET)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () -> {
                List<String> open = new ArrayList<>();
                store.devices(rollout).values().stream()
                    .filter(d -> !d.done())
                    .forEach(d -> open.add(d.id() + " last step " + d.status()));
                var desired = store.desired();
                for (BoardSnapshot b : rig.sim.boards()) {
                  var want = desired.get(b.id());
                  if (want == null || want.version() != b.version() || want.crc() != b.crc()) {
                    open.add(
                        b.id()
                            + " runs v"
                            + b.version()
                            + " "
                            + Crc32c.hex(b.crc())
                            + ", desired "
                            + want
                            + (b.online() ? "" : " (offline)"));
                  }
                }
                String state = rig.command("status", "{}").path("state").asText();
                if (!state.equals("idle")) {
                  open.add("agent " + state);
                }
                why.set(String.join("\n", open));
                return open.isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "seed " + seed + ", rollout " + rollout + " never settled:\n" + why.get(), e);
    }
  }

  /** Each board's running image and its desired one in the store against the model. */
  List<String> boardsAgainstModel() throws Exception {
    List<String> wrong = new ArrayList<>();
    var desired = store.desired();
    for (BoardSnapshot b : rig.sim.boards()) {
      byte[] want = model.expected(b.id());
      long v = StoreReader.version(want);
      long crc = StoreReader.crc(want);
      if (b.version() != v || b.crc() != crc) {
        wrong.add(
            b.id()
                + " runs v"
                + b.version()
                + " "
                + Crc32c.hex(b.crc())
                + ", expected v"
                + v
                + " "
                + Crc32c.hex(crc));
      }
      var d = desired.get(b.id());
      if (d.version() != v || d.crc() != crc) {
        wrong.add(b.id() + " desired " + d + " in the store, expected v" + v);
      }
    }
    return wrong;
  }

  /**
   * Failures against the faults: a board without a fault never refuses an image nor reports
   * unhealthy (those need a fault), and, when the rollout succeeded without a kill, a board whose
   * refusing, silent, unhealthy or crashing fault acted on the new image has failed it.
   */
  List<String> attribution(
      DeployStep s, String outcome, Map<String, DeviceStep> devices, List<String> unexpected) {
    List<String> wrong = new ArrayList<>();
    Map<String, BoardFault> byId = new HashMap<>();
    s.faults().forEach(f -> byId.put(f.deviceId(), f));
    for (DeviceStep d : devices.values()) {
      BoardFault f = byId.get(d.id());
      if (f == null && d.failed()) {
        unexpected.add(d.id().substring(d.id().indexOf('-') + 1) + " " + d.cause());
        if (d.cause().equals("rejected") || d.cause().equals("unhealthy")) {
          wrong.add(d.id() + " has no fault but failed with " + d.cause());
        }
      }
      if (f != null
          && f.mustFailOnceFired()
          && faults.fired(d.id())
          && outcome.equals("succeeded")
          && s.kills().isEmpty()
          && !d.failed()) {
        wrong.add(d.id() + " with " + f.spec() + " acted on the new image but did not fail");
      }
    }
    return wrong;
  }

  long activeVersion() throws Exception {
    return rig.command("status", "{}")
        .path("policies")
        .path("greenhouse")
        .path("active")
        .path("version")
        .asLong();
  }

  /**
   * At the end: the management API's device entries agree with the boards and the model, the active
   * module is right, and the store's history lists every deploy with its outcome.
   */
  void finalChecks(List<StepResult> results) throws Exception {
    List<String> wrong = new ArrayList<>();
    Map<String, JsonNode> entries = rig.awaitBoardsOnDesired();
    for (BoardSnapshot b : rig.sim.boards()) {
      long v = model.expectedVersion(b.id());
      long got = entries.get(b.id()).path("desired").path("version").asLong();
      if (got != v || b.version() != v) {
        wrong.add(
            b.id()
                + ": entry desires v"
                + got
                + ", board runs v"
                + b.version()
                + ", expected v"
                + v);
      }
    }
    if (activeVersion() != model.activeVersion()) {
      wrong.add("active v" + activeVersion() + ", expected v" + model.activeVersion());
    }
    var history = rig.command("history", "{}").path("rollouts");
    Map<String, String> listed = new HashMap<>();
    history.forEach(
        r ->
            listed.put(
                r.path("id").asText(),
                r.path("version").asLong() + " " + r.path("outcome").asText()));
    Map<String, String> stored = store.rollouts();
    for (StepResult r : results) {
      String want = r.step().version() + " " + r.outcome();
      if (!want.equals(listed.get(r.rolloutId()))) {
        wrong.add(
            "history lists "
                + r.rolloutId()
                + " as "
                + listed.get(r.rolloutId())
                + ", expected v"
                + want);
      }
      if (!stored.containsKey(r.rolloutId())) {
        wrong.add("the store has no rollout " + r.rolloutId());
      }
    }
    if (stored.size() != results.size()) {
      wrong.add("the store has " + stored.size() + " rollouts, the soak made " + results.size());
    }
    if (!wrong.isEmpty()) {
      throw new AssertionError("seed " + seed + ", at the end:\n" + String.join("\n", wrong));
    }
  }
}
