package io.edgeconf.agent.store;

import java.time.Instant;

/**
 * One line of a policy's history.
 *
 * @param at when
 * @param policy the policy
 * @param version the module version concerned
 * @param sha256 the module concerned ({@code ""} for a rejected module never stored)
 * @param event {@code activated}, {@code rejected}, {@code rolled_back}, ...
 * @param detail a readable sentence
 */
public record HistoryEntry(
    Instant at, String policy, long version, String sha256, String event, String detail) {}
