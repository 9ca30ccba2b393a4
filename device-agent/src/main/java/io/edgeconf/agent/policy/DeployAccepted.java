package io.edgeconf.agent.policy;

/**
 * A module accepted and activated; its rollout has started.
 *
 * @param rolloutId the rollout's id (events name it)
 * @param policy the policy
 * @param version the new active version
 * @param sha256 the module's SHA-256
 * @param devices how many devices the rollout addresses
 * @param signed whether the module was signed by a trusted key
 */
public record DeployAccepted(
    String rolloutId, String policy, long version, String sha256, int devices, boolean signed) {}
