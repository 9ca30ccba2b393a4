package io.edgeconf.agent.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeconf.agent.device.DeviceState;
import io.edgeconf.agent.policy.PolicyService;
import io.edgeconf.agent.policy.Serving;
import io.edgeconf.agent.store.DeviceRecord;
import io.edgeconf.agent.store.ImageRef;
import io.edgeconf.bridge.image.Crc32c;

/** The JSON documents of management-api.md: status, device entries, devices, history. */
public final class Documents {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final String gateway;
  private final PolicyService service;

  public Documents(String gateway, PolicyService service) {
    this.gateway = gateway;
    this.service = service;
  }

  /** The retained status document. */
  public ObjectNode status() {
    ObjectNode s = MAPPER.createObjectNode();
    s.put("gateway", gateway).put("state", service.gatewayState());
    ObjectNode policies = s.putObject("policies");
    for (var p : service.store().policies()) {
      ObjectNode n = policies.putObject(p.name());
      p.active()
          .ifPresent(a -> n.putObject("active").put("version", p.activeVersion()).put("sha256", a));
      p.lastKnownGood()
          .ifPresent(
              l ->
                  n.putObject("last_known_good")
                      .put("version", p.lastKnownGoodVersion())
                      .put("sha256", l));
      n.put("phase", service.registry().phase(p.name()).wireName());
    }
    service
        .runningRollout()
        .ifPresentOrElse(
            r ->
                s.putObject("rollout")
                    .put("id", r.rolloutId())
                    .put("policy", r.policy())
                    .put("kind", r.kind().wireName())
                    .put("phase", r.phase())
                    .put("total", r.total())
                    .put("applied", r.applied())
                    .put("confirmed", r.confirmed())
                    .put("failed", r.failed())
                    .put("offline", r.offline()),
            () -> s.putNull("rollout"));
    int known = 0;
    int online = 0;
    int converged = 0;
    int unassigned = 0;
    for (DeviceRecord d : service.devices().all()) {
      known++;
      online += d.online() ? 1 : 0;
      converged += d.desired().present() && d.desired().equals(d.reported()) ? 1 : 0;
      unassigned += service.serving(d).policy().isEmpty() ? 1 : 0;
    }
    s.putObject("devices")
        .put("known", known)
        .put("online", online)
        .put("converged", converged)
        .put("unassigned", unassigned);
    return s;
  }

  /** A device's entry (retained per device, and one item of the {@code devices} answer). */
  public ObjectNode device(DeviceRecord d) {
    ObjectNode n = MAPPER.createObjectNode();
    Serving serving = service.serving(d);
    n.put("id", d.id()).put("board", d.attributes().board()).put("transport", d.transport());
    if (serving.policy().isPresent()) {
      n.put("policy", serving.policy().get());
    } else {
      n.putNull("policy");
    }
    n.put("online", d.online());
    String state = d.state();
    if (serving.policy().isEmpty()) {
      state =
          serving.state().equals(Serving.AMBIGUOUS)
              ? DeviceState.AMBIGUOUS
              : DeviceState.UNASSIGNED;
    } else if (!d.online() && !DeviceState.FAILED.equals(state)) {
      state = DeviceState.OFFLINE;
    }
    n.put("state", state);
    image(n, "desired", d.desired());
    image(n, "reported", d.reported());
    n.put("zone", d.attributes().zone());
    if (!d.attributes().fw().isEmpty()) {
      n.put("fw", d.attributes().fw());
    }
    var tags = n.putArray("tags");
    d.attributes().tags().forEach(tags::add);
    var attrs = n.putObject("attrs");
    d.attributes().attrs().forEach(attrs::put);
    d.attributes().nums().forEach(attrs::put);
    d.namedPolicy().ifPresent(p -> n.put("named_policy", p));
    n.put("capacity", d.capacity());
    return n;
  }

  private static void image(ObjectNode n, String name, ImageRef ref) {
    if (ref.present()) {
      n.putObject(name).put("version", ref.version()).put("crc", Crc32c.hex(ref.crc()));
    } else {
      n.putNull(name);
    }
  }

  /** The {@code history} answer's body: stored modules and rollouts. */
  public ObjectNode history() {
    ObjectNode h = MAPPER.createObjectNode();
    var modules = h.putArray("modules");
    for (var m : service.store().modules()) {
      modules
          .addObject()
          .put("policy", m.policy())
          .put("version", m.version())
          .put("sha256", m.sha256())
          .put("size", m.bytes().length)
          .put("signer", m.signer().orElse(null))
          .put("added_at", m.addedAt().toString());
    }
    var rollouts = h.putArray("rollouts");
    for (var r : service.store().rollouts(100)) {
      rollouts
          .addObject()
          .put("id", r.id())
          .put("policy", r.policy())
          .put("kind", r.kind())
          .put("version", r.version())
          .put("sha256", r.sha256())
          .put("started_at", r.startedAt().toString())
          .put("ended_at", r.endedAt().map(Object::toString).orElse(null))
          .put("outcome", r.outcome())
          .put("total", r.total())
          .put("applied", r.applied())
          .put("failed", r.failed());
    }
    var events = h.putArray("events");
    for (var e : service.store().history(100)) {
      events
          .addObject()
          .put("at", e.at().toString())
          .put("policy", e.policy())
          .put("version", e.version())
          .put("sha256", e.sha256())
          .put("event", e.event())
          .put("detail", e.detail());
    }
    return h;
  }
}
