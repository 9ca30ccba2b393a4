package io.edgeconf.policy.selftest;

import io.edgeconf.bridge.descriptor.DescriptorCodec;
import io.edgeconf.bridge.descriptor.DescriptorException;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.ModuleMetadata.SelfTest;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.policy.eval.Evaluator;
import io.edgeconf.policy.eval.RenderResult;
import io.edgeconf.policy.eval.Trace;
import io.edgeconf.policy.model.CheckedPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Chooses self-test devices: one per target board, then devices so that every rule fires at least
 * once, then devices that reach each distinct error (field range, require, arithmetic) and each
 * range edge (a field at its min or max) that a seeded search over the policy's own literals can
 * construct. Deterministic for a given policy.
 */
public final class SelfTestPicker {
  /** Devices the search tries at most. */
  static final int BUDGET = 1500;

  /** The search stops after this many devices in a row that reach nothing new. */
  static final int PATIENCE = 150;

  /** Vectors kept at most. */
  static final int MAX_VECTORS = 40;

  private SelfTestPicker() {}

  /**
   * The self-test vectors, each with the evaluator's expected result.
   *
   * @param seeds devices to try first (e.g. the proof's witnesses); may be empty
   */
  public static List<SelfTest> pick(CheckedPolicy policy, List<DeviceAttributes> seeds) {
    Candidates c = new Candidates(policy);
    Random random = new Random(policy.sourceSha256().hashCode());
    Map<String, DeviceAttributes> chosen = new LinkedHashMap<>();
    Set<String> covered = new HashSet<>();
    List<DeviceAttributes> tries = new ArrayList<>();
    for (String board : c.boards) {
      tries.add(DeviceAttributes.of(board, "st-" + board));
    }
    tries.addAll(seeds);
    int counter = 0;
    int misses = 0;
    for (int n = 0;
        n < BUDGET + tries.size() && chosen.size() < MAX_VECTORS && misses < PATIENCE;
        n++) {
      DeviceAttributes d = n < tries.size() ? tries.get(n) : randomDevice(c, random, ++counter);
      if (!encodable(d)) {
        continue;
      }
      Trace t = Evaluator.trace(policy, d);
      boolean fresh = false;
      for (String goal : goals(policy, t, n < c.boards.size() ? d.board() : null)) {
        fresh |= covered.add(goal);
      }
      if (fresh) {
        chosen.putIfAbsent(key(d), d);
      }
      misses = fresh || n < tries.size() ? 0 : misses + 1;
    }
    return chosen.values().stream().map(d -> vector(policy, d)).toList();
  }

  /** Whether the agent can send the device to a module (every record fits a descriptor). */
  private static boolean encodable(DeviceAttributes d) {
    try {
      DescriptorCodec.encode(d);
      return true;
    } catch (DescriptorException e) {
      return false;
    }
  }

  private static String key(DeviceAttributes d) {
    return d.toString();
  }

  /** The vector of one device: the image's SHA-256 or the error and its index. */
  public static SelfTest vector(CheckedPolicy policy, DeviceAttributes d) {
    return switch (Evaluator.render(policy, d)) {
      case RenderResult.Image img -> new SelfTest(d, Optional.of(img.sha256()), 0, 0);
      case RenderResult.Failure f -> new SelfTest(d, Optional.empty(), f.error().code(), f.index());
    };
  }

  private static List<String> goals(CheckedPolicy policy, Trace t, String baseBoard) {
    List<String> goals = new ArrayList<>();
    if (baseBoard != null) {
      goals.add("board:" + baseBoard);
    }
    t.fired().stream().forEach(r -> goals.add("rule:" + r));
    switch (t.result()) {
      case RenderResult.Failure f -> goals.add("error:" + f.error() + ":" + f.index());
      case RenderResult.Image img -> {
        List<FieldSpec> fields = policy.schema().fields();
        for (int i = 0; i < fields.size(); i++) {
          FieldSpec f = fields.get(i);
          if (f.type().isRanged()
              && t.values().get(i) instanceof Long v
              && (v == f.min() || v == f.max())
              && f.min() != f.max()) {
            goals.add("edge:" + i + ":" + v);
          }
        }
      }
    }
    return goals;
  }

  private static DeviceAttributes randomDevice(Candidates c, Random r, int n) {
    String board = c.boards.get(r.nextInt(c.boards.size()));
    String id = r.nextBoolean() ? "st-r" + n : pick(c.ids, r);
    String zone = r.nextBoolean() ? "" : pick(c.zones, r);
    String fw = r.nextBoolean() ? "" : pick(c.fws, r);
    List<String> tags = new ArrayList<>();
    for (String t : c.tags) {
      if (r.nextBoolean()) {
        tags.add(t);
      }
    }
    Map<String, String> attrs = new HashMap<>();
    c.attrs.forEach(
        (k, v) -> {
          if (r.nextBoolean()) {
            attrs.put(k, pick(v, r));
          }
        });
    Map<String, Long> nums = new HashMap<>();
    c.nums.forEach(
        (k, v) -> {
          if (r.nextInt(4) != 0) {
            nums.put(k, pick(v, r));
          }
        });
    return new DeviceAttributes(board, id, zone, fw, tags, attrs, nums);
  }

  private static <T> T pick(Set<T> values, Random r) {
    int k = r.nextInt(values.size());
    for (T v : values) {
      if (k-- == 0) {
        return v;
      }
    }
    throw new IllegalStateException("empty candidate set");
  }
}
