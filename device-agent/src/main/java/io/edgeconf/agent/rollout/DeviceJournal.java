package io.edgeconf.agent.rollout;

import io.edgeconf.agent.device.DeviceRegistry;
import io.edgeconf.agent.device.DeviceState;
import io.edgeconf.agent.store.AgentStore;
import io.edgeconf.agent.store.DeviceRecord;
import io.edgeconf.agent.store.ImageRef;
import io.edgeconf.agent.waves.ImageRole;
import io.edgeconf.agent.waves.JournalEntry;
import io.edgeconf.agent.waves.RolloutJournal;
import io.edgeconf.agent.waves.RolloutPlan;
import io.edgeconf.bridge.image.ImageCodec;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The engine's journal as the agent runs it: each step is made durable in the store first (one
 * transaction, desired image included), then reflected in the board's device entry (state {@code
 * pending}, {@code applied}, {@code confirmed}, {@code failed} or {@code offline} and its desired
 * image), which the management API publishes. Called on the engine's serial executor.
 */
public final class DeviceJournal implements RolloutJournal {
  private final AgentStore store;
  private final DeviceRegistry devices;

  public DeviceJournal(AgentStore store, DeviceRegistry devices) {
    this.store = store;
    this.devices = devices;
  }

  @Override
  public void started(RolloutPlan plan, Instant at) {
    store.started(plan, at);
  }

  @Override
  public void append(JournalEntry entry) {
    store.append(entry);
    if (entry.deviceId().isEmpty()) {
      return;
    }
    RolloutPlan plan = store.plan(entry.rolloutId()).orElse(null);
    if (plan == null) {
      return;
    }
    String id = entry.deviceId().get();
    Optional<ImageRef> desired =
        entry
            .image()
            .map(
                role ->
                    plan.device(id)
                        .flatMap(d -> d.image(role))
                        .map(DeviceJournal::ref)
                        .orElse(ImageRef.NONE));
    boolean revert = entry.image().isPresent() && entry.image().get() != ImageRole.NEW;
    UnaryOperator<DeviceRecord> change =
        switch (entry.type()) {
          // A failed board stays failed while it is sent its previous image.
          case DEVICE_PUSHED ->
              d ->
                  revert && DeviceState.FAILED.equals(d.state())
                      ? d
                      : d.withState(DeviceState.PENDING);
          case DEVICE_DESIRED -> d -> d.withState(DeviceState.OFFLINE);
          case DEVICE_APPLIED -> d -> d.withState(DeviceState.APPLIED);
          case DEVICE_CONFIRMED, DEVICE_SETTLED -> d -> d.withState(DeviceState.CONFIRMED);
          case DEVICE_FAILED, DEVICE_REVERT_UNCONFIRMED -> d -> d.withState(DeviceState.FAILED);
          case DEVICE_REVERTED ->
              d -> DeviceState.FAILED.equals(d.state()) ? d : d.withState(DeviceState.CONFIRMED);
          default -> d -> d;
        };
    devices.update(id, d -> desired.map(change.apply(d)::withDesired).orElse(change.apply(d)));
  }

  private static ImageRef ref(byte[] image) {
    return new ImageRef(ImageCodec.versionOf(image).orElse(0), ImageCodec.crcOf(image));
  }
}
