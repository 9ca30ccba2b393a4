package io.edgeconf.agent.rollout;

import io.edgeconf.agent.AgentEvents;
import io.edgeconf.agent.waves.DevicePlan;
import io.edgeconf.agent.waves.RolloutEvent;
import io.edgeconf.agent.waves.RolloutObserver;
import io.edgeconf.agent.waves.RolloutPlan;
import io.edgeconf.agent.waves.RolloutProgress;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.image.ImageCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The engine's observer in the agent: turns each {@link RolloutEvent} into an event of {@code
 * ec/gw/<gw>/events} (fields in docs/management-api.md), tells the agent's core (the hook) and
 * marks the status document changed on every progress. Called on the engine's serial executor;
 * never blocks (the sink queues). Thread-safe.
 */
public final class RolloutPublisher implements RolloutObserver {
  private final Map<String, RolloutPlan> plans = new ConcurrentHashMap<>();
  private final Map<String, RolloutProgress> progress = new ConcurrentHashMap<>();
  private volatile AgentEvents sink = AgentEvents.NONE;
  private volatile Consumer<RolloutEvent> hook = e -> {};

  /** Where events go (the management API). */
  public void events(AgentEvents sink) {
    this.sink = sink;
  }

  /** Called with every event after it is published (the agent's phases and status). */
  public void hook(Consumer<RolloutEvent> hook) {
    this.hook = hook;
  }

  /** Makes a plan known before its rollout starts or resumes (events name its versions). */
  public void known(RolloutPlan plan) {
    plans.put(plan.rolloutId(), plan);
  }

  /** Forgets a rollout that has ended. */
  public void forget(String rolloutId) {
    plans.remove(rolloutId);
    progress.remove(rolloutId);
  }

  @Override
  public void onEvent(RolloutEvent e) {
    RolloutPlan plan = plans.get(e.rolloutId());
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("rollout", e.rolloutId());
    f.put("policy", e.policy());
    if (plan != null) {
      f.put("kind", plan.kind().wireName());
      f.put("version", plan.target().version());
    }
    e.deviceId()
        .ifPresent(
            id -> {
              f.put("device", id);
              Optional<DevicePlan> d = plan == null ? Optional.empty() : plan.device(id);
              if (e.type() != RolloutEvent.Type.DEVICE_FAILED && d.isPresent()) {
                byte[] image = d.get().newImage();
                f.put("version", ImageCodec.versionOf(image).orElse(0));
                f.put("crc", Crc32c.hex(ImageCodec.crcOf(image)));
              }
            });
    e.cause().ifPresent(c -> f.put("cause", c.wireName()));
    if (!e.detail().isEmpty()) {
      f.put("reason", e.detail());
    }
    switch (e.type()) {
      case ROLLOUT_STARTED, ROLLBACK_STARTED -> {
        if (plan != null) {
          f.put("devices", plan.devices().size());
        }
      }
      case ROLLOUT_COMPLETED, ROLLBACK_COMPLETED -> {
        e.outcome().ifPresent(o -> f.put("outcome", o.wireName()));
        RolloutProgress p = progress.get(e.rolloutId());
        if (p != null) {
          f.put("total", p.total());
          f.put("applied", p.applied());
          f.put("confirmed", p.confirmed());
          f.put("failed", p.failed());
          f.put("offline", p.offline());
        }
      }
      default -> {}
    }
    if (!e.causes().isEmpty()) {
      f.put("causes", e.causes());
    }
    f.put("at", e.at().toString());
    sink.event(e.type().wireName(), f);
    hook.accept(e);
    sink.statusChanged();
  }

  @Override
  public void onProgress(RolloutProgress p) {
    progress.put(p.rolloutId(), p);
    sink.statusChanged();
  }
}
