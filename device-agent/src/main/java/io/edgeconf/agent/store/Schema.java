package io.edgeconf.agent.store;

import java.util.List;

/** The tables of the agent's store. Created when missing; never altered in place. */
final class Schema {
  private Schema() {}

  static final List<String> STATEMENTS =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS modules (
            sha256 TEXT PRIMARY KEY, policy TEXT NOT NULL, version INTEGER NOT NULL,
            bytes BLOB NOT NULL, signer TEXT, added_at INTEGER NOT NULL)""",
          "CREATE INDEX IF NOT EXISTS modules_by_policy ON modules (policy, version)",
          """
          CREATE TABLE IF NOT EXISTS policies (
            name TEXT PRIMARY KEY, active_sha TEXT REFERENCES modules (sha256),
            lkg_sha TEXT REFERENCES modules (sha256), highest_version INTEGER NOT NULL)""",
          """
          CREATE TABLE IF NOT EXISTS history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, policy TEXT NOT NULL,
            version INTEGER NOT NULL, sha256 TEXT NOT NULL, event TEXT NOT NULL,
            detail TEXT NOT NULL)""",
          """
          CREATE TABLE IF NOT EXISTS devices (
            id TEXT PRIMARY KEY, attributes TEXT NOT NULL, transport TEXT NOT NULL,
            named_policy TEXT, capacity INTEGER NOT NULL, online INTEGER NOT NULL,
            state TEXT NOT NULL, desired_version INTEGER NOT NULL, desired_crc INTEGER NOT NULL,
            desired_image BLOB, reported_version INTEGER NOT NULL, reported_crc INTEGER NOT NULL)""",
          """
          CREATE TABLE IF NOT EXISTS rollouts (
            id TEXT PRIMARY KEY, policy TEXT NOT NULL, kind TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES modules (sha256), version INTEGER NOT NULL,
            previous_sha TEXT, started_at INTEGER NOT NULL, ended_at INTEGER,
            outcome TEXT NOT NULL, total INTEGER NOT NULL, applied INTEGER NOT NULL,
            failed INTEGER NOT NULL)""",
          """
          CREATE TABLE IF NOT EXISTS rollout_devices (
            rollout_id TEXT NOT NULL REFERENCES rollouts (id), device_id TEXT NOT NULL,
            previous_image BLOB, new_image BLOB NOT NULL, status TEXT NOT NULL, cause TEXT,
            PRIMARY KEY (rollout_id, device_id))""",
          """
          CREATE TABLE IF NOT EXISTS rollout_journal (
            rollout_id TEXT PRIMARY KEY REFERENCES rollouts (id), policy TEXT NOT NULL,
            plan TEXT NOT NULL, started_at INTEGER NOT NULL, lkg_before TEXT,
            open INTEGER NOT NULL)""",
          """
          CREATE TABLE IF NOT EXISTS rollout_steps (
            rollout_id TEXT NOT NULL REFERENCES rollout_journal (rollout_id),
            seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (rollout_id, seq))""");
}
