package io.edgeconf.agent.policy;

import io.edgeconf.bridge.module.ModuleMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active module of each policy name. Readers take an {@link ActiveModule} and keep using it; a
 * swap replaces the reference atomically, so renders in flight finish on the module they started
 * with. Thread-safe.
 */
public final class PolicyRegistry {
  private final Map<String, ActiveModule> active = new ConcurrentHashMap<>();
  private final Map<String, PolicyPhase> phases = new ConcurrentHashMap<>();

  /** The active module of a policy. */
  public Optional<ActiveModule> active(String policy) {
    return Optional.ofNullable(active.get(policy));
  }

  /** Every active module. */
  public Collection<ActiveModule> all() {
    return List.copyOf(active.values());
  }

  /** The metadata of every active module, with {@code candidate} in place of its policy's. */
  public List<ModuleMetadata> metadataWith(ModuleMetadata candidate) {
    List<ModuleMetadata> out = new ArrayList<>();
    for (ActiveModule m : active.values()) {
      if (candidate == null || !m.policy().equals(candidate.policy())) {
        out.add(m.metadata());
      }
    }
    if (candidate != null) {
      out.add(candidate);
    }
    return out;
  }

  /** Swaps in a policy's new active module; returns the one it replaced. */
  public Optional<ActiveModule> swap(ActiveModule module) {
    return Optional.ofNullable(active.put(module.policy(), module));
  }

  /** Removes a policy's active module (its first module was rolled back); returns it. */
  public Optional<ActiveModule> remove(String policy) {
    return Optional.ofNullable(active.remove(policy));
  }

  /** The life-cycle phase of a policy ({@link PolicyPhase#IDLE} when none was set). */
  public PolicyPhase phase(String policy) {
    return phases.getOrDefault(policy, PolicyPhase.IDLE);
  }

  public void phase(String policy, PolicyPhase phase) {
    phases.put(policy, phase);
  }

  /** Every policy's phase. */
  public Map<String, PolicyPhase> phases() {
    return Map.copyOf(phases);
  }
}
