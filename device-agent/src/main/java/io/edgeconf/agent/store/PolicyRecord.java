package io.edgeconf.agent.store;

import java.util.Optional;

/**
 * A policy's state in the store.
 *
 * @param name the policy name
 * @param active the active module's SHA-256, empty when none
 * @param activeVersion its version (0 when none)
 * @param lastKnownGood the last-known-good module's SHA-256, empty when none
 * @param lastKnownGoodVersion its version (0 when none)
 * @param highestVersion the highest version ever accepted for this policy
 */
public record PolicyRecord(
    String name,
    Optional<String> active,
    long activeVersion,
    Optional<String> lastKnownGood,
    long lastKnownGoodVersion,
    long highestVersion) {}
