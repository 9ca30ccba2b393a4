package io.edgeconf.agent.policy;

import io.edgeconf.agent.device.DeviceState;
import io.edgeconf.agent.sandbox.RenderOutcome;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.store.AgentStore;
import io.edgeconf.agent.store.DeviceRecord;
import io.edgeconf.agent.store.ImageRef;
import io.edgeconf.bridge.image.ImageCodec;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings boards that no rollout covers onto their policy's active module: a board seen for the
 * first time (or announcing new attributes) after its policy's rollout, or one that appeared while
 * the rollout ran. Its image is rendered, stored as its desired image and pushed (made desired when
 * it is offline: the retained {@code cfg} over MQTT). Boards of the policy's latest rollout are
 * left to the rollout engine, whose outcome decides their image (a board that failed is never sent
 * the failing image again from here). Runs on its own executor; thread-safe.
 */
public final class Convergence {
  private static final Logger log = LoggerFactory.getLogger(Convergence.class);

  private final PolicyService service;
  private final Sandbox sandbox;
  private final BoardTransport transport;
  private final Duration pushDeadline;
  private final Executor executor;
  private final Map<String, Set<String>> planned = new ConcurrentHashMap<>();

  /**
   * @param executor a single-threaded executor: renders and store writes run there
   */
  public Convergence(
      PolicyService service,
      Sandbox sandbox,
      BoardTransport transport,
      Duration pushDeadline,
      Executor executor) {
    this.service = service;
    this.sandbox = sandbox;
    this.transport = transport;
    this.pushDeadline = pushDeadline;
    this.executor = executor;
  }

  /** A board was seen (first time, new attributes, or back online). */
  public void boardSeen(DeviceRecord d) {
    executor.execute(() -> converge(d.id()));
  }

  /** A policy's rollout ended: every board it serves that the rollout did not cover converges. */
  public void sweep(String policy) {
    planned.remove(policy);
    executor.execute(
        () -> {
          for (DeviceRecord d : service.devices().all()) {
            if (service.serving(d).servedBy(policy)) {
              converge(d.id());
            }
          }
        });
  }

  private void converge(String id) {
    try {
      Optional<DeviceRecord> found = service.devices().get(id);
      if (found.isEmpty()) {
        return;
      }
      DeviceRecord d = found.get();
      Optional<String> policy = service.serving(d).policy();
      if (policy.isEmpty()
          || service.busy()
          || service.registry().phase(policy.get()) != PolicyPhase.IDLE
              && service.registry().phase(policy.get()) != PolicyPhase.DEGRADED) {
        return; // the rollout's end sweeps it
      }
      AgentStore store = service.store();
      if (planned.computeIfAbsent(policy.get(), store::latestPlanDevices).contains(id)) {
        return;
      }
      Optional<ActiveModule> module = service.registry().active(policy.get());
      if (module.isEmpty()) {
        return;
      }
      RenderOutcome out = sandbox.render(module.get().program(), d.attributes());
      if (!(out instanceof RenderOutcome.Rendered r && r.checked())
          || ((RenderOutcome.Rendered) out).image().length > d.capacity()) {
        log.warn("device {}: cannot render {}: {}", id, policy.get(), out.describe());
        return;
      }
      byte[] image = ((RenderOutcome.Rendered) out).image();
      Optional<byte[]> desired = store.desiredImage(id);
      if (desired.isPresent() && Arrays.equals(desired.get(), image)) {
        return;
      }
      var ref = new ImageRef(ImageCodec.versionOf(image).orElse(0), ImageCodec.crcOf(image));
      store.setDesiredImage(id, image);
      service.devices().update(id, x -> x.withDesired(ref).withState(DeviceState.PENDING));
      log.info("device {}: converging to {} v{}", id, policy.get(), ref.version());
      if (!d.online()) {
        transport.setDesired(id, image);
        return;
      }
      transport
          .push(id, image, pushDeadline)
          .whenComplete(
              (result, error) -> {
                PushResult pr = result;
                String state =
                    pr != null && pr.applied()
                        ? DeviceState.APPLIED
                        : pr != null && pr.status() == PushStatus.UNREACHABLE
                            ? DeviceState.OFFLINE
                            : DeviceState.FAILED;
                if (!DeviceState.APPLIED.equals(state)) {
                  log.warn("device {}: convergence push: {}", id, pr != null ? pr : error);
                }
                service.devices().update(id, x -> x.withState(state));
              });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("device {}: convergence failed: {}", id, e.toString());
    }
  }
}
