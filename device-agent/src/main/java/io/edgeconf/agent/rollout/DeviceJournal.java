package io.edgeconf.agent.rollout;

import io.edgeconf.agent.device.DeviceRegistry;
import io.edgeconf.agent.device.DeviceState;
import io.edgeconf.agent.store.AgentStore;
import io.edgeconf.agent.store.DeviceRecord;
import io.edgeconf.agent.store.ImageRef;
import io.edgeconf.agent.waves.ImageRole;
import io.edgeconf.agent.waves.JournalEntry;
import io.edgeconf.agent.waves.JournalState;
import io.edgeconf.agent.waves.RolloutJournal;
import io.edgeconf.agent.waves.RolloutPlan;
import io.edgeconf.bridge.image.ImageCodec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    if (entry.deviceId().isPresent()) {
      store
          .plan(entry.rolloutId())
          .ifPresent(plan -> devices.update(entry.deviceId().get(), change(plan, entry)));
    }
  }

  /**
   * Gives the boards of each policy's latest journal the device entry state its steps give them (at
   * start, before the transport runs). A kill between a step's commit and the entry's own write
   * would leave the entry a step behind for good: a board that failed shown {@code confirmed}, one
   * reverted shown {@code pending}. Desired images need no replay (each step's transaction sets
   * them in the store). Older journals are left alone: their boards belong to the latest plan, or
   * may have converged since, outside any journal.
   *
   * @param open the open journals, oldest first ({@link AgentStore#openJournals()})
   */
  public void reflectLatest(List<JournalState> open) {
    Map<String, JournalState> latest = new LinkedHashMap<>();
    open.forEach(j -> latest.put(j.plan().policy(), j));
    for (JournalState j : latest.values()) {
      // One update per board, however many steps it had.
      Map<String, UnaryOperator<DeviceRecord>> boards = new LinkedHashMap<>();
      for (JournalEntry e : j.entries()) {
        if (e.deviceId().isPresent()) {
          UnaryOperator<DeviceRecord> step = change(j.plan(), e);
          boards.merge(e.deviceId().get(), step, (a, b) -> d -> b.apply(a.apply(d)));
        }
      }
      boards.forEach(
          (id, steps) -> devices.update(id, d -> steps.apply(d).withDesired(d.desired())));
    }
  }

  /** What a device step does to the board's entry: its state, and the desired image it names. */
  private static UnaryOperator<DeviceRecord> change(RolloutPlan plan, JournalEntry entry) {
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
    return d -> desired.map(change.apply(d)::withDesired).orElse(change.apply(d));
  }

  private static ImageRef ref(byte[] image) {
    return new ImageRef(ImageCodec.versionOf(image).orElse(0), ImageCodec.crcOf(image));
  }
}
