package io.edgeconf.faults;

import io.edgeconf.agent.store.AgentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Looks into a killed agent's store without touching it: copies the database and its write-ahead
 * log (the state a SIGKILL left on disk), lets SQLite recover the copy, and reads it. Proves the
 * file is sound ({@code PRAGMA integrity_check} is {@code ok}) and tells which module is active.
 */
final class StoreProbe {
  /** What a killed agent left: integrity check result and the policy's active version. */
  record Found(String integrity, long activeVersion) {}

  private StoreProbe() {}

  /** Reads a copy of the store of {@code stateDir} (its active {@code policy} version; 0: none). */
  static Found read(Path stateDir, String policy, Path scratch) throws IOException, SQLException {
    Files.createDirectories(scratch);
    Path db = scratch.resolve(AgentStore.FILE);
    for (String suffix : new String[] {"", "-wal"}) {
      Path from = stateDir.resolve(AgentStore.FILE + suffix);
      Path to = scratch.resolve(AgentStore.FILE + suffix);
      Files.deleteIfExists(to);
      if (Files.exists(from)) {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.deleteIfExists(scratch.resolve(AgentStore.FILE + "-shm"));
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
        var st = c.createStatement()) {
      String integrity;
      try (var rs = st.executeQuery("PRAGMA integrity_check")) {
        integrity = rs.next() ? rs.getString(1) : "no answer";
      }
      try (var ps =
          c.prepareStatement(
              "SELECT m.version FROM policies p JOIN modules m ON m.sha256 = p.active_sha"
                  + " WHERE p.name = ?")) {
        ps.setString(1, policy);
        try (var rs = ps.executeQuery()) {
          return new Found(integrity, rs.next() ? rs.getLong(1) : 0);
        }
      }
    }
  }
}
