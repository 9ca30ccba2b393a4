package io.edgeconf.agent.store;

import io.edgeconf.agent.waves.JournalEntry;
import io.edgeconf.agent.waves.JournalState;
import io.edgeconf.agent.waves.Outcome;
import io.edgeconf.agent.waves.RolloutJournal;
import io.edgeconf.agent.waves.RolloutKind;
import io.edgeconf.agent.waves.RolloutPlan;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The agent's crash-safe state in SQLite ({@code agent.db} under the state directory; WAL journal,
 * {@code synchronous=FULL}): modules by SHA-256, the active and last-known-good module and highest
 * version of each policy, history, every board's desired and reported image, and the rollout
 * rollout journal (the engine's {@link RolloutJournal}: plan and steps, see docs/rollout.md). Every
 * state change is one transaction, so a SIGKILL at any moment leaves the old or the new state.
 *
 * <p>Thread-safe: one connection, every method synchronized.
 */
public final class AgentStore implements RolloutJournal, AutoCloseable {
  /** The database file's name inside the state directory. */
  public static final String FILE = "agent.db";

  private final Connection db;
  private final Clock clock;

  /** Plans by rollout id, read once (guarded by this). */
  private final Map<String, RolloutPlan> plans = new HashMap<>();

  private AgentStore(Connection db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Opens (creating when missing) the store of a state directory. Rollouts left running by a crash
   * without a journal (crashed before their plan was written; no board was touched) are marked
   * {@code interrupted}; journaled ones are resumed by the agent.
   *
   * @throws StoreException when the directory or database cannot be opened
   */
  public static AgentStore open(Path stateDir, Clock clock) {
    try {
      Files.createDirectories(stateDir);
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve(FILE));
      try (var st = db.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=FULL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=5000");
        for (String sql : Schema.STATEMENTS) {
          st.execute(sql);
        }
        st.executeUpdate(
            "UPDATE rollouts SET outcome='interrupted', ended_at="
                + clock.millis()
                + " WHERE outcome='running' AND id NOT IN (SELECT rollout_id FROM rollout_journal)");
      }
      db.setAutoCommit(false);
      db.commit();
      return new AgentStore(db, clock);
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot open the store in " + stateDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fault injection for crash tests: {@code hook} runs right after every committed change (not
   * after reads), with what the change was (e.g. {@code journal device_pushed of r-...}), while the
   * store is locked, so a hook that blocks freezes every later change. One hook per JVM.
   */
  public static void afterEachChange(Consumer<String> hook) {
    afterChange = hook;
  }

  private static volatile Consumer<String> afterChange = what -> {};

  /** Reads in one transaction. */
  private <T> T tx(String what, Work<T> work) {
    return run(what, work, false);
  }

  /** Changes the state in one transaction. */
  private <T> T change(String what, Work<T> work) {
    return run(what, work, true);
  }

  private <T> T run(String what, Work<T> work, boolean changes) {
    synchronized (this) {
      try {
        T result = work.run(db);
        db.commit();
        if (changes) {
          afterChange.accept(what);
        }
        return result;
      } catch (SQLException | IOException | RuntimeException e) {
        try {
          db.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        if (e instanceof StoreException se) {
          throw se;
        }
        throw new StoreException("store: cannot " + what + ": " + e.getMessage(), e);
      }
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection db) throws SQLException, IOException;
  }

  // ---- modules and policies

  /**
   * Makes a module its policy's active module, in one transaction: stores the module (once), makes
   * the previously active module last-known-good, raises the policy's highest version, appends
   * history and opens the rollout in the journal with its plan (so a crash cannot leave a module
   * active without the rollout that brings it).
   *
   * @return the policy's new state
   */
  public PolicyRecord activate(StoredModule module, RolloutPlan plan) {
    String rolloutId = plan.rolloutId();
    return change(
        "activate " + module.policy() + " v" + module.version(),
        db -> {
          insertModule(db, module);
          Optional<PolicyRecord> before = readPolicy(db, module.policy());
          Optional<String> lkg = before.flatMap(PolicyRecord::lastKnownGood);
          if (before.isPresent() && before.get().active().isPresent()) {
            String previous = before.get().active().get();
            if (!previous.equals(module.sha256())) {
              lkg = Optional.of(previous);
            }
          }
          long highest =
              Math.max(before.map(PolicyRecord::highestVersion).orElse(0L), module.version());
          try (var st =
              db.prepareStatement(
                  "INSERT INTO policies (name, active_sha, lkg_sha, highest_version) VALUES (?,?,?,?)"
                      + " ON CONFLICT (name) DO UPDATE SET active_sha=excluded.active_sha,"
                      + " lkg_sha=excluded.lkg_sha, highest_version=excluded.highest_version")) {
            st.setString(1, module.policy());
            st.setString(2, module.sha256());
            st.setString(3, lkg.orElse(null));
            st.setLong(4, highest);
            st.executeUpdate();
          }
          String previous = before.flatMap(PolicyRecord::active).orElse(null);
          insertHistory(
              db,
              module.policy(),
              module.version(),
              module.sha256(),
              "activated",
              "active; rollout " + rolloutId);
          insertRollout(db, rolloutId, module, "deploy", previous);
          JournalTables.insertPlan(
              db, plan, clock.instant(), before.flatMap(PolicyRecord::lastKnownGood));
          plans.put(rolloutId, plan);
          return readPolicy(db, module.policy()).orElseThrow();
        });
  }

  /**
   * Makes a stored module its policy's active module again (an operator's rollback), in one
   * transaction with its history line and the rollout's plan. The last-known-good is left as it is.
   */
  public PolicyRecord rollbackTo(StoredModule module, RolloutPlan plan) {
    String rolloutId = plan.rolloutId();
    return change(
        "roll " + module.policy() + " back to v" + module.version(),
        db -> {
          Optional<PolicyRecord> before = readPolicy(db, module.policy());
          try (var st = db.prepareStatement("UPDATE policies SET active_sha=? WHERE name=?")) {
            st.setString(1, module.sha256());
            st.setString(2, module.policy());
            if (st.executeUpdate() != 1) {
              throw new SQLException("policy " + module.policy() + " has no state");
            }
          }
          insertHistory(
              db,
              module.policy(),
              module.version(),
              module.sha256(),
              "rolled_back",
              "active again; rollout " + rolloutId);
          insertRollout(
              db, rolloutId, module, "rollback", before.flatMap(PolicyRecord::active).orElse(null));
          JournalTables.insertPlan(
              db, plan, clock.instant(), before.flatMap(PolicyRecord::lastKnownGood));
          plans.put(rolloutId, plan);
          return readPolicy(db, module.policy()).orElseThrow();
        });
  }

  /** Records a module that was refused (history only; the module is not stored). */
  public void recordRejection(String policy, long version, String sha256, String detail) {
    change(
        "record a rejection",
        db -> {
          insertHistory(db, policy, version, sha256, "rejected", detail);
          return null;
        });
  }

  /** The module with this SHA-256. */
  public Optional<StoredModule> module(String sha256) {
    return tx(
        "read module",
        db -> {
          try (var st = db.prepareStatement("SELECT * FROM modules WHERE sha256=?")) {
            st.setString(1, sha256);
            return first(st, AgentStore::readModule);
          }
        });
  }

  /** The stored module of a policy with this version (the most recently added when several). */
  public Optional<StoredModule> module(String policy, long version) {
    return tx(
        "read module",
        db -> {
          try (var st =
              db.prepareStatement(
                  "SELECT * FROM modules WHERE policy=? AND version=? ORDER BY added_at DESC")) {
            st.setString(1, policy);
            st.setLong(2, version);
            return first(st, AgentStore::readModule);
          }
        });
  }

  /** Every stored module, by policy and version. */
  public List<StoredModule> modules() {
    return tx(
        "list modules",
        db -> {
          try (var st = db.prepareStatement("SELECT * FROM modules ORDER BY policy, version")) {
            return all(st, AgentStore::readModule);
          }
        });
  }

  /** A policy's state. */
  public Optional<PolicyRecord> policy(String name) {
    return tx("read policy", db -> readPolicy(db, name));
  }

  /** Every policy's state, by name. */
  public List<PolicyRecord> policies() {
    return tx(
        "list policies",
        db -> {
          try (var st = db.prepareStatement(POLICY_SELECT + " ORDER BY p.name")) {
            return all(st, AgentStore::readPolicyRow);
          }
        });
  }

  /** The most recent history lines, newest first. */
  public List<HistoryEntry> history(int limit) {
    return tx(
        "read history",
        db -> {
          try (var st = db.prepareStatement("SELECT * FROM history ORDER BY seq DESC LIMIT ?")) {
            st.setInt(1, limit);
            return all(
                st,
                rs ->
                    new HistoryEntry(
                        Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("policy"),
                        rs.getLong("version"),
                        rs.getString("sha256"),
                        rs.getString("event"),
                        rs.getString("detail")));
          }
        });
  }

  // ---- rollouts

  /**
   * Closes a rollout with its outcome and counts ({@code succeeded}, {@code rolled_back}), once: a
   * rollout whose counts are recorded keeps them, and the end time its last journal step recorded.
   * (After a kill between that step and this call the agent calls it again at start.)
   */
  public void finishRollout(String id, String outcome, int total, int applied, int failed) {
    change(
        "finish rollout " + id,
        db -> {
          try (var st =
              db.prepareStatement(
                  "UPDATE rollouts SET outcome=?, ended_at=COALESCE(ended_at, ?), total=?,"
                      + " applied=?, failed=? WHERE id=? AND total=0")) {
            st.setString(1, outcome);
            st.setLong(2, clock.millis());
            st.setInt(3, total);
            st.setInt(4, applied);
            st.setInt(5, failed);
            st.setString(6, id);
            st.executeUpdate();
          }
          return null;
        });
  }

  // ---- the rollout journal

  /**
   * Journals a plan (once: the agent writes it with the activation already, which makes this a
   * no-op).
   */
  @Override
  public void started(RolloutPlan plan, Instant at) {
    change(
        "journal rollout " + plan.rolloutId(),
        db -> {
          JournalTables.insertPlan(
              db, plan, at, readPolicy(db, plan.policy()).flatMap(PolicyRecord::lastKnownGood));
          plans.put(plan.rolloutId(), plan);
          return null;
        });
  }

  /**
   * Appends one step in one transaction with what it implies: a step naming an image makes it the
   * board's desired image; {@code rollout_completed} closes the rollout's row; and when a deploy is
   * {@link Outcome#ROLLED_BACK} its policy's previous module becomes active again (and the
   * last-known-good what it was before), the failed module staying stored and in the history.
   */
  @Override
  public void append(JournalEntry entry) {
    change(
        "journal " + entry.type().wireName() + " of " + entry.rolloutId(),
        db -> {
          RolloutPlan plan =
              cachedPlan(db, entry.rolloutId())
                  .orElseThrow(
                      () -> new SQLException("rollout " + entry.rolloutId() + " has no plan"));
          JournalTables.append(db, plan, entry);
          if (entry.type() == JournalEntry.Type.ROLLOUT_COMPLETED) {
            completed(db, plan, entry);
          }
          return null;
        });
  }

  private void completed(Connection db, RolloutPlan plan, JournalEntry entry) throws SQLException {
    Outcome outcome = entry.outcome().orElseThrow();
    try (var st = db.prepareStatement("UPDATE rollouts SET outcome=?, ended_at=? WHERE id=?")) {
      st.setString(1, outcome.wireName());
      st.setLong(2, entry.at().toEpochMilli());
      st.setString(3, plan.rolloutId());
      st.executeUpdate();
    }
    if (outcome != Outcome.ROLLED_BACK || plan.kind() != RolloutKind.DEPLOY) {
      return;
    }
    Optional<String> lkg = JournalTables.lkgBefore(db, plan.rolloutId());
    try (var st =
        db.prepareStatement(
            "UPDATE policies SET active_sha=?, lkg_sha=? WHERE name=? AND active_sha=?")) {
      st.setString(1, plan.previous().map(m -> m.sha256()).orElse(null));
      st.setString(2, lkg.orElse(null));
      st.setString(3, plan.policy());
      st.setString(4, plan.target().sha256());
      st.executeUpdate();
    }
    insertHistory(
        db,
        plan.policy(),
        plan.target().version(),
        plan.target().sha256(),
        "rolled_back",
        "rollout "
            + plan.rolloutId()
            + " rolled back"
            + (entry.causes().isEmpty() ? "" : " (" + entry.causes().get(0) + ")")
            + "; "
            + plan.previous()
                .map(m -> "v" + m.version() + " active again")
                .orElse("no module active"));
  }

  private Optional<RolloutPlan> cachedPlan(Connection db, String rolloutId) throws SQLException {
    RolloutPlan plan = plans.get(rolloutId);
    if (plan == null) {
      Optional<RolloutPlan> read = JournalTables.plan(db, rolloutId);
      read.ifPresent(p -> plans.put(rolloutId, p));
      return read;
    }
    return Optional.of(plan);
  }

  /** The plan of a journaled rollout (kept in memory until {@link #forgetPlan}). */
  public Optional<RolloutPlan> plan(String rolloutId) {
    return tx("read the plan of " + rolloutId, db -> cachedPlan(db, rolloutId));
  }

  /**
   * Drops a plan from memory (its images can be large); it is read again if its rollout journals
   * another step (a board converging late).
   */
  public synchronized void forgetPlan(String rolloutId) {
    plans.remove(rolloutId);
  }

  /** Every journal still open, oldest first: call {@link JournalState#needsResume()} on each. */
  public List<JournalState> openJournals() {
    return tx("read the rollout journal", JournalTables::open);
  }

  /** Archives a journal that needs no resume any more. */
  public void archiveJournal(String rolloutId) {
    change(
        "archive rollout " + rolloutId,
        db -> {
          JournalTables.archive(db, rolloutId);
          plans.remove(rolloutId);
          return null;
        });
  }

  /** The boards of the policy's most recent rollout (they converge through that rollout). */
  public Set<String> latestPlanDevices(String policy) {
    return tx("read the latest plan", db -> JournalTables.latestPlanDevices(db, policy));
  }

  /** Sets a board's desired image (outside a rollout: a new board converging). */
  public void setDesiredImage(String deviceId, byte[] image) {
    change(
        "set the desired image of " + deviceId,
        db -> {
          JournalTables.setDesired(db, deviceId, image);
          return null;
        });
  }

  /** The most recent rollouts, newest first. */
  public List<RolloutRecord> rollouts(int limit) {
    return tx(
        "list rollouts",
        db -> {
          try (var st =
              db.prepareStatement(
                  "SELECT * FROM rollouts ORDER BY started_at DESC, rowid DESC LIMIT ?")) {
            st.setInt(1, limit);
            return all(
                st,
                rs -> {
                  long ended = rs.getLong("ended_at");
                  boolean endedNull = rs.wasNull();
                  return new RolloutRecord(
                      rs.getString("id"),
                      rs.getString("policy"),
                      rs.getString("kind"),
                      rs.getString("sha256"),
                      rs.getLong("version"),
                      Optional.ofNullable(rs.getString("previous_sha")),
                      Instant.ofEpochMilli(rs.getLong("started_at")),
                      endedNull ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended)),
                      rs.getString("outcome"),
                      rs.getInt("total"),
                      rs.getInt("applied"),
                      rs.getInt("failed"));
                });
          }
        });
  }

  // ---- devices

  /**
   * Inserts or replaces a device's record. Its desired image (bytes, version and CRC) is kept: only
   * the journal and {@link #setDesiredImage} change it.
   */
  public void putDevice(DeviceRecord d) {
    change(
        "store device " + d.id(),
        db -> {
          try (var st =
              db.prepareStatement(
                  "INSERT INTO devices (id, attributes, transport, named_policy, capacity, online, state,"
                      + " desired_version, desired_crc, reported_version, reported_crc)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET"
                      + " attributes=excluded.attributes, transport=excluded.transport,"
                      + " named_policy=excluded.named_policy, capacity=excluded.capacity,"
                      + " online=excluded.online, state=excluded.state,"
                      + " reported_version=excluded.reported_version,"
                      + " reported_crc=excluded.reported_crc")) {
            st.setString(1, d.id());
            st.setString(2, AttributesJson.write(d.attributes()));
            st.setString(3, d.transport());
            st.setString(4, d.namedPolicy().orElse(null));
            st.setInt(5, d.capacity());
            st.setInt(6, d.online() ? 1 : 0);
            st.setString(7, d.state());
            st.setLong(8, d.desired().version());
            st.setLong(9, d.desired().crc());
            st.setLong(10, d.reported().version());
            st.setLong(11, d.reported().crc());
            st.executeUpdate();
          }
          return null;
        });
  }

  /** Every device, by id. */
  public List<DeviceRecord> devices() {
    return tx(
        "list devices",
        db -> {
          try (var st = db.prepareStatement("SELECT * FROM devices ORDER BY id")) {
            return all(st, AgentStore::readDevice);
          }
        });
  }

  /** The desired image of a device, if one was set. */
  public Optional<byte[]> desiredImage(String id) {
    return tx(
        "read desired image",
        db -> {
          try (var st = db.prepareStatement("SELECT desired_image FROM devices WHERE id=?")) {
            st.setString(1, id);
            return first(st, rs -> rs.getBytes(1)).filter(b -> b != null);
          }
        });
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the store: " + e.getMessage(), e);
    }
  }

  // ---- rows

  private static final String POLICY_SELECT =
      "SELECT p.name, p.active_sha, a.version AS active_version, p.lkg_sha,"
          + " l.version AS lkg_version, p.highest_version FROM policies p"
          + " LEFT JOIN modules a ON a.sha256 = p.active_sha"
          + " LEFT JOIN modules l ON l.sha256 = p.lkg_sha";

  private static Optional<PolicyRecord> readPolicy(Connection db, String name) throws SQLException {
    try (var st = db.prepareStatement(POLICY_SELECT + " WHERE p.name=?")) {
      st.setString(1, name);
      return first(st, AgentStore::readPolicyRow);
    }
  }

  private static PolicyRecord readPolicyRow(ResultSet rs) throws SQLException {
    return new PolicyRecord(
        rs.getString("name"),
        Optional.ofNullable(rs.getString("active_sha")),
        rs.getLong("active_version"),
        Optional.ofNullable(rs.getString("lkg_sha")),
        rs.getLong("lkg_version"),
        rs.getLong("highest_version"));
  }

  private void insertModule(Connection db, StoredModule m) throws SQLException {
    try (var st = db.prepareStatement("INSERT OR IGNORE INTO modules VALUES (?,?,?,?,?,?)")) {
      st.setString(1, m.sha256());
      st.setString(2, m.policy());
      st.setLong(3, m.version());
      st.setBytes(4, m.bytes());
      st.setString(5, m.signer().orElse(null));
      st.setLong(6, m.addedAt().toEpochMilli());
      st.executeUpdate();
    }
  }

  private void insertHistory(
      Connection db, String policy, long version, String sha, String event, String detail)
      throws SQLException {
    try (var st =
        db.prepareStatement(
            "INSERT INTO history (at, policy, version, sha256, event, detail) VALUES (?,?,?,?,?,?)")) {
      st.setLong(1, clock.millis());
      st.setString(2, policy);
      st.setLong(3, version);
      st.setString(4, sha);
      st.setString(5, event);
      st.setString(6, detail);
      st.executeUpdate();
    }
  }

  private void insertRollout(Connection db, String id, StoredModule m, String kind, String previous)
      throws SQLException {
    try (var st =
        db.prepareStatement("INSERT INTO rollouts VALUES (?,?,?,?,?,?,?,NULL,'running',0,0,0)")) {
      st.setString(1, id);
      st.setString(2, m.policy());
      st.setString(3, kind);
      st.setString(4, m.sha256());
      st.setLong(5, m.version());
      st.setString(6, previous);
      st.setLong(7, clock.millis());
      st.executeUpdate();
    }
  }

  private static StoredModule readModule(ResultSet rs) throws SQLException {
    return new StoredModule(
        rs.getString("sha256"),
        rs.getString("policy"),
        rs.getLong("version"),
        rs.getBytes("bytes"),
        Optional.ofNullable(rs.getString("signer")),
        Instant.ofEpochMilli(rs.getLong("added_at")));
  }

  private static DeviceRecord readDevice(ResultSet rs) throws SQLException {
    DeviceAttributes attributes;
    try {
      attributes = AttributesJson.read(rs.getString("attributes"));
    } catch (IOException | RuntimeException e) {
      throw new SQLException("device " + rs.getString("id") + " has unreadable attributes", e);
    }
    return new DeviceRecord(
        attributes,
        rs.getString("transport"),
        Optional.ofNullable(rs.getString("named_policy")),
        rs.getInt("capacity"),
        rs.getInt("online") != 0,
        rs.getString("state"),
        new ImageRef(rs.getLong("desired_version"), rs.getLong("desired_crc")),
        new ImageRef(rs.getLong("reported_version"), rs.getLong("reported_crc")));
  }

  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static <T> Optional<T> first(PreparedStatement st, Row<T> row) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
    }
  }

  private static <T> List<T> all(PreparedStatement st, Row<T> row) throws SQLException {
    List<T> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(row.read(rs));
      }
    }
    return out;
  }
}
