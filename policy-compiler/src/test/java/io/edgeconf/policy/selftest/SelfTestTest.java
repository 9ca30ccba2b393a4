package io.edgeconf.policy.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.policy.FrontEndResult;
import io.edgeconf.policy.Policies;
import io.edgeconf.policy.PolicyFrontEnd;
import io.edgeconf.policy.eval.Evaluator;
import io.edgeconf.policy.eval.Trace;
import io.edgeconf.policy.model.CheckedPolicy;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Self-test vectors fire every rule, reproduce, and the metadata survives its JSON form. */
class SelfTestTest {
  private static final List<String> EXAMPLES =
      List.of("greenhouse.policy", "cold_chain.policy", "lighting.policy", "pump_station.policy");

  @Test
  void vectorsFireEveryRuleAndReproduce() {
    for (String name : EXAMPLES) {
      FrontEndResult r = PolicyFrontEnd.compile(name, Policies.example(name));
      CheckedPolicy policy = r.orThrow();
      ModuleMetadata meta = r.metadata().orElseThrow();
      BitSet fired = new BitSet();
      for (ModuleMetadata.SelfTest t : meta.selftest()) {
        Trace trace = Evaluator.trace(policy, t.device());
        fired.or(trace.fired());
        assertEquals(SelfTestPicker.vector(policy, t.device()), t, name);
      }
      assertEquals(
          policy.rules().size(), fired.cardinality(), name + " vectors: " + meta.selftest());
      List<String> boards =
          meta.selftest().stream().map(t -> t.device().board()).distinct().toList();
      assertTrue(boards.containsAll(meta.targets()), name);
    }
  }

  @Test
  void pumpStationVectorsReachRangeEdgesAndErrors() {
    ModuleMetadata meta =
        PolicyFrontEnd.compile("p", Policies.example("pump_station.policy"))
            .metadata()
            .orElseThrow();
    assertTrue(meta.selftest().stream().anyMatch(t -> t.sha256().isPresent()));
    assertTrue(meta.selftest().size() > 5, meta.selftest().toString());
  }

  @Test
  void greenhouseMetadataMatchesTheContract() {
    ModuleMetadata meta =
        PolicyFrontEnd.compile("greenhouse.policy", Policies.example("greenhouse.policy"))
            .metadata()
            .orElseThrow();
    assertEquals(1, meta.abi());
    assertEquals("greenhouse", meta.policy());
    assertEquals(7, meta.version());
    assertEquals(150012147L, meta.policyId());
    assertEquals(3984240513L, meta.schemaHash());
    assertEquals(54, meta.imageSize());
    assertEquals(List.of("esp32", "nrf52840"), meta.targets());
    ModuleMetadata.Field first = meta.fields().get(0);
    assertEquals(
        new ModuleMetadata.Field(
            "sample_interval",
            "duration",
            0,
            4,
            100,
            3_600_000,
            10_000L,
            "How often the sensor is sampled."),
        first);
    assertEquals(
        new ModuleMetadata.Require(
            "temp_low_c < temp_high_c", "low threshold must be below the high threshold"),
        meta.requires().get(0));
    assertEquals(
        new ModuleMetadata.Require(
            "sample_interval * report_every <= 1h", "report at least once an hour"),
        meta.requires().get(1));
    assertEquals(new ModuleMetadata.Rollout(10, 5, 15_000, 0), meta.rollout());
    assertEquals("edgeconf 0.1.0", meta.compiler());
    assertEquals(64, meta.sourceSha256().length());
    assertEquals(meta, ModuleMetadata.parse(meta.toJson()));
  }
}
