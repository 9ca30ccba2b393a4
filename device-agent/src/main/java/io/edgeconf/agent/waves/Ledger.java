package io.edgeconf.agent.waves;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rollout's state as its journal steps make it: the engine changes its state only by applying
 * steps it has journaled, so a replayed journal gives the same state. Not thread-safe.
 */
final class Ledger {
  final RolloutPlan plan;
  private final Map<String, Track> tracks = new LinkedHashMap<>();
  boolean rollingBack;
  boolean rollbackCompleted;
  final List<String> rollbackCauses = new ArrayList<>();
  Optional<Outcome> outcome = Optional.empty();

  Ledger(RolloutPlan plan) {
    this.plan = plan;
    plan.devices().forEach(d -> tracks.put(d.deviceId(), new Track(d)));
  }

  static Ledger replay(JournalState state) {
    return replay0(state.plan(), state.entries());
  }

  /** Replays steps onto a plan; throws when a step names a device the plan does not have. */
  static Ledger replay0(RolloutPlan plan, List<JournalEntry> entries) {
    Ledger ledger = new Ledger(plan);
    entries.forEach(ledger::apply);
    return ledger;
  }

  Collection<Track> tracks() {
    return tracks.values();
  }

  Optional<Track> track(String deviceId) {
    return Optional.ofNullable(tracks.get(deviceId));
  }

  boolean completed() {
    return outcome.isPresent();
  }

  /** Every board final. */
  boolean allFinal() {
    return tracks.values().stream().allMatch(t -> t.state.isFinal());
  }

  void apply(JournalEntry e) {
    switch (e.type()) {
      case ROLLBACK_STARTED -> {
        rollingBack = true;
        rollbackCauses.addAll(e.causes());
      }
      case ROLLBACK_COMPLETED -> rollbackCompleted = true;
      case ROLLOUT_COMPLETED -> outcome = e.outcome();
      default -> applyDevice(e);
    }
  }

  private void applyDevice(JournalEntry e) {
    Track t = tracks.get(e.deviceId().orElseThrow());
    if (t == null) {
      throw new IllegalArgumentException(
          "journal names device " + e.deviceId().get() + ", not in the plan");
    }
    ImageRole image = e.image().orElse(ImageRole.NEW);
    switch (e.type()) {
      case DEVICE_PUSHED, DEVICE_DESIRED -> {
        if (image == ImageRole.NEW) {
          t.state =
              e.type() == JournalEntry.Type.DEVICE_PUSHED
                  ? DeviceState.PUSHING
                  : DeviceState.OFFLINE;
        } else {
          t.state = DeviceState.REVERTING;
        }
      }
      case DEVICE_APPLIED -> {
        t.state = DeviceState.APPLIED;
        t.tried = true;
      }
      case DEVICE_CONFIRMED -> t.state = DeviceState.CONFIRMED;
      case DEVICE_SETTLED -> t.state = DeviceState.SETTLED;
      case DEVICE_FAILED -> {
        t.tried = true;
        t.cause = e.cause();
        t.detail = e.detail();
        // Sent its previous image, in an operator's rollback too (the image it ran before).
        t.state = DeviceState.REVERTING;
      }
      case DEVICE_RESET_PULSED -> t.resetPulsed = true;
      case DEVICE_REVERTED, DEVICE_REVERT_UNCONFIRMED -> {
        t.recovered = e.type() == JournalEntry.Type.DEVICE_REVERTED;
        t.state = t.failedNew() ? DeviceState.FAILED : DeviceState.ROLLED_BACK;
      }
      case DEVICE_NOT_REACHED -> t.state = DeviceState.NOT_REACHED;
      case DEVICE_SUPERSEDED -> t.state = DeviceState.SUPERSEDED;
      default -> throw new IllegalStateException("not a device step: " + e.type());
    }
  }
}
