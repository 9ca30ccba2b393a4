package io.edgeconf.agent.waves;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.module.ModuleMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON form of a {@link JournalState} (and of its parts, for a store that keeps the plan and
 * the steps apart). Images are base64, instants ISO-8601, enums their lower-case wire names.
 * Stateless and thread-safe.
 */
public final class JournalJson {
  /** The format number written as {@code "format"}. */
  public static final int FORMAT = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JournalJson() {}

  /** The whole journal as JSON text. */
  public static String write(JournalState state) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.set("plan", planNode(state.plan()));
    root.put("started_at", state.startedAt().toString());
    ArrayNode entries = root.putArray("entries");
    state.entries().forEach(e -> entries.add(entryNode(e)));
    return root.toString();
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IllegalArgumentException when the text is not such a journal, naming what is wrong
   */
  public static JournalState read(String json) {
    JsonNode root = parse(json);
    int format = root.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new IllegalArgumentException("journal format " + format + ", expected " + FORMAT);
    }
    RolloutPlan plan = plan(root.path("plan"));
    var entries = new ArrayList<JournalEntry>();
    for (JsonNode e : root.path("entries")) {
      entries.add(entry(e));
    }
    return new JournalState(plan, Instant.parse(text(root, "started_at")), entries);
  }

  /** A plan as JSON text. */
  public static String writePlan(RolloutPlan plan) {
    return planNode(plan).toString();
  }

  /** Reads what {@link #writePlan} wrote. */
  public static RolloutPlan readPlan(String json) {
    return plan(parse(json));
  }

  /** One step as JSON text. */
  public static String writeEntry(JournalEntry entry) {
    return entryNode(entry).toString();
  }

  /** Reads what {@link #writeEntry} wrote. */
  public static JournalEntry readEntry(String json) {
    return entry(parse(json));
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("journal: not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode planNode(RolloutPlan plan) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("rollout_id", plan.rolloutId());
    n.put("policy", plan.policy());
    n.put("kind", plan.kind().wireName());
    n.set("target", moduleNode(plan.target()));
    plan.previous()
        .ifPresentOrElse(p -> n.set("previous", moduleNode(p)), () -> n.putNull("previous"));
    ObjectNode s = n.putObject("settings");
    s.put("canary_pct", plan.settings().canaryPct());
    s.put("max_failures_pct", plan.settings().maxFailuresPct());
    s.put("health_window_ms", plan.settings().healthWindowMs());
    s.put("batch", plan.settings().batch());
    ArrayNode devices = n.putArray("devices");
    for (DevicePlan d : plan.devices()) {
      ObjectNode dn = devices.addObject();
      dn.put("id", d.deviceId());
      dn.put("board", d.board());
      dn.put("transport", d.transport().wireName());
      dn.put("new_image", Base64.getEncoder().encodeToString(d.newImage()));
      d.previousImage()
          .ifPresentOrElse(
              p -> dn.put("previous_image", Base64.getEncoder().encodeToString(p)),
              () -> dn.putNull("previous_image"));
      dn.put("online", d.online());
    }
    return n;
  }

  private static ObjectNode moduleNode(ModuleRef m) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("version", m.version());
    n.put("sha256", m.sha256());
    return n;
  }

  private static RolloutPlan plan(JsonNode n) {
    JsonNode s = n.path("settings");
    var settings =
        new ModuleMetadata.Rollout(
            s.path("canary_pct").asDouble(),
            s.path("max_failures_pct").asDouble(),
            s.path("health_window_ms").asLong(),
            s.path("batch").asInt());
    var devices = new ArrayList<DevicePlan>();
    for (JsonNode d : n.path("devices")) {
      JsonNode prev = d.path("previous_image");
      devices.add(
          new DevicePlan(
              text(d, "id"),
              text(d, "board"),
              Transport.valueOf(text(d, "transport").toUpperCase(Locale.ROOT)),
              Base64.getDecoder().decode(text(d, "new_image")),
              prev.isTextual()
                  ? Optional.of(Base64.getDecoder().decode(prev.asText()))
                  : Optional.empty(),
              d.path("online").asBoolean()));
    }
    JsonNode prev = n.path("previous");
    return new RolloutPlan(
        text(n, "rollout_id"),
        text(n, "policy"),
        RolloutKind.valueOf(text(n, "kind").toUpperCase(Locale.ROOT)),
        module(n.path("target")),
        prev.isObject() ? Optional.of(module(prev)) : Optional.empty(),
        settings,
        devices);
  }

  private static ModuleRef module(JsonNode n) {
    return new ModuleRef(n.path("version").asLong(), text(n, "sha256"));
  }

  private static ObjectNode entryNode(JournalEntry e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("type", e.type().wireName());
    n.put("rollout", e.rolloutId());
    e.deviceId().ifPresent(d -> n.put("device", d));
    e.image().ifPresent(i -> n.put("image", i.wireName()));
    e.cause().ifPresent(c -> n.put("cause", c.wireName()));
    if (!e.detail().isEmpty()) {
      n.put("detail", e.detail());
    }
    if (!e.causes().isEmpty()) {
      ArrayNode causes = n.putArray("causes");
      e.causes().forEach(causes::add);
    }
    e.outcome().ifPresent(o -> n.put("outcome", o.wireName()));
    n.put("at", e.at().toString());
    return n;
  }

  private static JournalEntry entry(JsonNode n) {
    List<String> causes = new ArrayList<>();
    n.path("causes").forEach(c -> causes.add(c.asText()));
    return new JournalEntry(
        JournalEntry.Type.valueOf(text(n, "type").toUpperCase(Locale.ROOT)),
        text(n, "rollout"),
        optionalText(n, "device"),
        optionalText(n, "image").map(i -> ImageRole.valueOf(i.toUpperCase(Locale.ROOT))),
        optionalText(n, "cause").map(FailureCause::fromWireName),
        n.path("detail").asText(""),
        causes,
        optionalText(n, "outcome").map(o -> Outcome.valueOf(o.toUpperCase(Locale.ROOT))),
        Instant.parse(text(n, "at")));
  }

  private static Optional<String> optionalText(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("journal: \"" + field + "\" is missing or not text");
    }
    return v.asText();
  }
}
