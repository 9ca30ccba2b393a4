package io.edgeconf.agent.policy;

import io.edgeconf.bridge.module.ModuleMetadata;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which policy serves a board (device-protocol.md): a board that names a policy is served by it;
 * one that names none by the one active policy whose targets include its board type; several such
 * policies make it {@code ambiguous}, none {@code unassigned}.
 *
 * @param policy the serving policy, empty when none
 * @param state {@code served}, {@code unassigned} or {@code ambiguous}
 */
public record Serving(Optional<String> policy, String state) {
  public static final String SERVED = "served";
  public static final String UNASSIGNED = "unassigned";
  public static final String AMBIGUOUS = "ambiguous";

  /**
   * Resolves the policy of one board.
   *
   * @param board its board type
   * @param named the policy its firmware names, if any
   * @param active the metadata of every active module
   */
  public static Serving resolve(
      String board, Optional<String> named, Collection<ModuleMetadata> active) {
    if (named.isPresent()) {
      return new Serving(named, SERVED);
    }
    List<String> candidates =
        active.stream()
            .filter(m -> m.targets().contains(board))
            .map(ModuleMetadata::policy)
            .toList();
    return switch (candidates.size()) {
      case 0 -> new Serving(Optional.empty(), UNASSIGNED);
      case 1 -> new Serving(Optional.of(candidates.get(0)), SERVED);
      default -> new Serving(Optional.empty(), AMBIGUOUS);
    };
  }

  /** Whether this board is served by that policy. */
  public boolean servedBy(String policyName) {
    return policy.filter(policyName::equals).isPresent();
  }
}
