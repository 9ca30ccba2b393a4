package io.edgeconf.agent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.agent.waves.FailureCause;
import io.edgeconf.agent.waves.ImageRole;
import io.edgeconf.agent.waves.JournalEntry;
import io.edgeconf.agent.waves.Outcome;
import io.edgeconf.agent.waves.RolloutKind;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.schema.Sha256;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentStoreTest {
  @TempDir Path dir;

  static StoredModule module(String policy, long version) {
    byte[] bytes = (policy + " v" + version).getBytes();
    return new StoredModule(
        Sha256.hex(bytes), policy, version, bytes, Optional.of("k1"), Instant.ofEpochMilli(1000));
  }

  @Test
  void activationKeepsActiveLastKnownGoodAndHighestVersion() {
    try (var store = AgentStore.open(dir, Clock.systemUTC())) {
      var v1 = module("gh", 1);
      var v2 = module("gh", 2);
      store.activate(v1, Plans.deploy("r1", v1, Optional.empty()));
      var p = store.activate(v2, Plans.deploy("r2", v2, Optional.of(v1)));
      assertEquals(Optional.of(v2.sha256()), p.active());
      assertEquals(2, p.activeVersion());
      assertEquals(Optional.of(v1.sha256()), p.lastKnownGood());
      assertEquals(2, p.highestVersion());
      var back = store.rollbackTo(v1, Plans.plan("r3", RolloutKind.ROLLBACK, v1, Optional.of(v2)));
      assertEquals(1, back.activeVersion());
      assertEquals(2, back.highestVersion());
      assertEquals(3, store.rollouts(10).size());
      assertEquals("rolled_back", store.history(1).get(0).event());
    }
    // Reopens with the same state; journaled rollouts stay running (the agent resumes them).
    try (var store = AgentStore.open(dir, Clock.systemUTC())) {
      assertEquals(1, store.policy("gh").orElseThrow().activeVersion());
      assertArrayEquals(module("gh", 2).bytes(), store.module("gh", 2).orElseThrow().bytes());
      assertTrue(store.rollouts(10).stream().allMatch(r -> r.outcome().equals("running")));
      assertEquals(3, store.openJournals().size());
    }
  }

  @Test
  void devicesAndTheirDesiredImages() {
    try (var store = AgentStore.open(dir, Clock.systemUTC())) {
      var attrs =
          DeviceAttributes.of("esp32", "e1").withZone("north").withTags(java.util.List.of("a"));
      var d = new DeviceRecord(attrs, "mqtt", Optional.of("gh"), 4096, true, "pending", null, null);
      store.putDevice(d);
      var m = module("gh", 1);
      store.activate(m, Plans.deploy("r1", m, Optional.empty(), "e1"));
      store.append(
          JournalEntry.device(
              JournalEntry.Type.DEVICE_PUSHED,
              "r1",
              "e1",
              Optional.of(ImageRole.NEW),
              "",
              Instant.now()));
      store.putDevice(d.withState("applied"));
      var back = store.devices().get(0);
      assertEquals(attrs, back.attributes());
      byte[] image = Plans.image(1);
      assertEquals(new ImageRef(1, ImageCodec.crcOf(image)), back.desired());
      assertEquals("applied", back.state());
      assertArrayEquals(image, store.desiredImage("e1").orElseThrow());
    }
  }

  @Test
  void journalRoundTripsAndARolledBackDeployMakesThePreviousModuleActiveAgain() {
    var v1 = module("gh", 1);
    var v2 = module("gh", 2);
    try (var store = AgentStore.open(dir, Clock.systemUTC())) {
      for (String id : new String[] {"e1", "e2"}) {
        store.putDevice(
            new DeviceRecord(
                DeviceAttributes.of("esp32", id),
                "mqtt",
                Optional.empty(),
                4096,
                true,
                "pending",
                null,
                null));
      }
      store.activate(v1, Plans.deploy("r1", v1, Optional.empty()));
      store.append(JournalEntry.completed("r1", Outcome.SUCCEEDED, List.of(), Instant.now()));
      store.activate(v2, Plans.deploy("r2", v2, Optional.of(v1), "e1", "e2"));
      // started() after the activation journaled the plan changes nothing.
      store.started(Plans.deploy("r2", v2, Optional.of(v1), "e1", "e2"), Instant.now());
      store.append(
          JournalEntry.device(
              JournalEntry.Type.DEVICE_PUSHED,
              "r2",
              "e1",
              Optional.of(ImageRole.NEW),
              "",
              Instant.now()));
      store.append(JournalEntry.failed("r2", "e1", FailureCause.REJECTED, "range", Instant.now()));
      store.append(
          JournalEntry.device(
              JournalEntry.Type.DEVICE_PUSHED,
              "r2",
              "e1",
              Optional.of(ImageRole.PREVIOUS),
              "",
              Instant.now()));
      assertArrayEquals(Plans.image(1), store.desiredImage("e1").orElseThrow());
    }
    // After a restart the journal reads back step by step.
    try (var store = AgentStore.open(dir, Clock.systemUTC())) {
      var open = store.openJournals();
      assertEquals(List.of("r1", "r2"), open.stream().map(j -> j.plan().rolloutId()).toList());
      assertEquals(3, open.get(1).entries().size());
      assertTrue(open.get(1).needsResume());
      assertEquals(Set.of("e1", "e2"), store.latestPlanDevices("gh"));
      store.append(
          JournalEntry.rollout(
              JournalEntry.Type.ROLLBACK_STARTED, "r2", List.of("1 of 1 failed"), Instant.now()));
      store.append(
          JournalEntry.completed(
              "r2", Outcome.ROLLED_BACK, List.of("1 of 1 failed"), Instant.now()));
      var p = store.policy("gh").orElseThrow();
      assertEquals(Optional.of(v1.sha256()), p.active());
      assertEquals(Optional.empty(), p.lastKnownGood());
      assertEquals(2, p.highestVersion());
      assertTrue(store.module(v2.sha256()).isPresent(), "the failed module stays stored");
      assertEquals("rolled_back", store.history(1).get(0).event());
      assertEquals("rolled_back", store.rollouts(1).get(0).outcome());
      store.archiveJournal("r1");
      assertEquals(1, store.openJournals().size());
    }
  }
}
