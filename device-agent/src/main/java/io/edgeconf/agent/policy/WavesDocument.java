package io.edgeconf.agent.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.agent.waves.RolloutPlan;
import java.util.List;

/**
 * The {@code rollout} object of the {@code plan} answer: the policy's rollout block and the waves a
 * deploy would form now (canary ids, then each batch), as the rollout engine forms them.
 */
final class WavesDocument {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private WavesDocument() {}

  static ObjectNode of(RolloutPlan plan) {
    ObjectNode n = MAPPER.createObjectNode();
    var s = plan.settings();
    n.put("canary_pct", s.canaryPct())
        .put("max_failures_pct", s.maxFailuresPct())
        .put("health_window_ms", s.healthWindowMs())
        .put("batch", s.batch());
    ArrayNode waves = n.putArray("waves");
    List<List<String>> formed = plan.waves();
    for (int w = 0; w < formed.size(); w++) {
      ObjectNode wave = waves.addObject().put("wave", w == 0 ? "canary" : "batch " + w);
      ArrayNode ids = wave.putArray("devices");
      formed.get(w).forEach(ids::add);
      long offline =
          formed.get(w).stream()
              .filter(id -> plan.device(id).map(d -> !d.online()).orElse(false))
              .count();
      wave.put("offline", offline);
    }
    return n;
  }
}
