package io.edgeconf.agent.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A rollout (or rollback) in the journal.
 *
 * @param id the rollout id
 * @param policy the policy
 * @param kind {@code deploy} or {@code rollback}
 * @param sha256 the module rolled out
 * @param version its version
 * @param previous the module that was active before, if any
 * @param startedAt when it started
 * @param endedAt when it ended, empty while it runs
 * @param outcome {@code running}, {@code completed}, {@code failed} or {@code interrupted}
 * @param total devices it addresses
 * @param applied devices that acked {@code applied}
 * @param failed devices that failed
 */
public record RolloutRecord(
    String id,
    String policy,
    String kind,
    String sha256,
    long version,
    Optional<String> previous,
    Instant startedAt,
    Optional<Instant> endedAt,
    String outcome,
    int total,
    int applied,
    int failed) {}
