package io.edgeconf.faults;

import java.util.List;
import java.util.Map;

/**
 * What one soak deploy did.
 *
 * @param step the plan
 * @param rolloutId the rollout
 * @param outcome its outcome in the store
 * @param kills how each kill happened
 * @param causes failed boards by cause
 * @param unexpected boards without a fault that failed anyway (timing on a loaded machine)
 * @param fired boards whose fault acted on the new image
 * @param seconds from the deploy to every board on its image
 */
record StepResult(
    DeployStep step,
    String rolloutId,
    String outcome,
    List<String> kills,
    Map<String, List<String>> causes,
    List<String> unexpected,
    List<String> fired,
    double seconds) {}
