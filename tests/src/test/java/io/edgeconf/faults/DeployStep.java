package io.edgeconf.faults;

import java.util.List;

/**
 * One deploy of the soak: the module version, its rollout block, the boards' faults and the agent
 * kills.
 */
record DeployStep(
    int index, long version, RolloutBlock block, List<BoardFault> faults, List<KillPlan> kills) {
  DeployStep {
    faults = List.copyOf(faults);
    kills = List.copyOf(kills);
  }

  DeployStep withKills(List<KillPlan> k) {
    return new DeployStep(index, version, block, faults, k);
  }
}
