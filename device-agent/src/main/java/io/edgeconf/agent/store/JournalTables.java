package io.edgeconf.agent.store;

import io.edgeconf.agent.waves.DevicePlan;
import io.edgeconf.agent.waves.JournalEntry;
import io.edgeconf.agent.waves.JournalJson;
import io.edgeconf.agent.waves.JournalState;
import io.edgeconf.agent.waves.RolloutPlan;
import io.edgeconf.bridge.image.ImageCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of the rollout journal: {@code rollout_journal} holds each rollout's plan (as {@link
 * JournalJson}), {@code rollout_steps} its steps in order, {@code rollout_devices} each board's
 * images and last step. Called inside the store's transactions; stateless.
 */
final class JournalTables {
  private JournalTables() {}

  /** Journals a plan once (a second call for the same rollout changes nothing). */
  static void insertPlan(Connection db, RolloutPlan plan, Instant at, Optional<String> lkgBefore)
      throws SQLException {
    try (var st =
        db.prepareStatement("INSERT OR IGNORE INTO rollout_journal VALUES (?,?,?,?,?,1)")) {
      st.setString(1, plan.rolloutId());
      st.setString(2, plan.policy());
      st.setString(3, JournalJson.writePlan(plan));
      st.setLong(4, at.toEpochMilli());
      st.setString(5, lkgBefore.orElse(null));
      if (st.executeUpdate() == 0) {
        return;
      }
    }
    try (var st =
        db.prepareStatement(
            "INSERT OR IGNORE INTO rollout_devices VALUES (?,?,?,?,'waiting',NULL)")) {
      for (DevicePlan d : plan.devices()) {
        st.setString(1, plan.rolloutId());
        st.setString(2, d.deviceId());
        st.setBytes(3, d.previousImage().orElse(null));
        st.setBytes(4, d.newImage());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /**
   * Appends one step; a step that names an image also makes it the board's desired image, and a
   * device step records itself as the board's last step.
   */
  static void append(Connection db, RolloutPlan plan, JournalEntry e) throws SQLException {
    try (var st =
        db.prepareStatement(
            "INSERT INTO rollout_steps VALUES (?,"
                + " (SELECT COALESCE(MAX(seq), 0) + 1 FROM rollout_steps WHERE rollout_id=?), ?)")) {
      st.setString(1, e.rolloutId());
      st.setString(2, e.rolloutId());
      st.setString(3, JournalJson.writeEntry(e));
      st.executeUpdate();
    }
    if (e.deviceId().isEmpty()) {
      return;
    }
    String device = e.deviceId().get();
    try (var st =
        db.prepareStatement(
            "UPDATE rollout_devices SET status=?, cause=COALESCE(?, cause)"
                + " WHERE rollout_id=? AND device_id=?")) {
      st.setString(1, e.type().wireName().replaceFirst("^device_", ""));
      st.setString(2, e.cause().map(c -> c.wireName()).orElse(null));
      st.setString(3, e.rolloutId());
      st.setString(4, device);
      st.executeUpdate();
    }
    if (e.image().isPresent()) {
      Optional<byte[]> image = plan.device(device).flatMap(d -> d.image(e.image().get()));
      setDesired(db, device, image.orElse(null));
    }
  }

  /** Sets a board's desired image (null: none). */
  static void setDesired(Connection db, String deviceId, byte[] image) throws SQLException {
    try (var st =
        db.prepareStatement(
            "UPDATE devices SET desired_image=?, desired_version=?, desired_crc=? WHERE id=?")) {
      st.setBytes(1, image);
      st.setLong(2, image == null ? 0 : ImageCodec.versionOf(image).orElse(0));
      st.setLong(3, image == null ? 0 : ImageCodec.crcOf(image));
      st.setString(4, deviceId);
      st.executeUpdate();
    }
  }

  /** The plan of a rollout. */
  static Optional<RolloutPlan> plan(Connection db, String rolloutId) throws SQLException {
    try (var st = db.prepareStatement("SELECT plan FROM rollout_journal WHERE rollout_id=?")) {
      st.setString(1, rolloutId);
      try (var rs = st.executeQuery()) {
        return rs.next() ? Optional.of(JournalJson.readPlan(rs.getString(1))) : Optional.empty();
      }
    }
  }

  /** The last-known-good module of the policy before this rollout activated its module. */
  static Optional<String> lkgBefore(Connection db, String rolloutId) throws SQLException {
    try (var st =
        db.prepareStatement("SELECT lkg_before FROM rollout_journal WHERE rollout_id=?")) {
      st.setString(1, rolloutId);
      try (var rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Every journal still open (not archived), oldest first. */
  static List<JournalState> open(Connection db) throws SQLException {
    List<JournalState> out = new ArrayList<>();
    try (var st =
            db.prepareStatement(
                "SELECT rollout_id, plan, started_at FROM rollout_journal WHERE open=1"
                    + " ORDER BY started_at, rowid");
        var rs = st.executeQuery()) {
      while (rs.next()) {
        RolloutPlan plan = JournalJson.readPlan(rs.getString(2));
        out.add(
            new JournalState(
                plan, Instant.ofEpochMilli(rs.getLong(3)), steps(db, rs.getString(1))));
      }
    }
    return out;
  }

  private static List<JournalEntry> steps(Connection db, String rolloutId) throws SQLException {
    List<JournalEntry> out = new ArrayList<>();
    try (var st =
        db.prepareStatement("SELECT entry FROM rollout_steps WHERE rollout_id=? ORDER BY seq")) {
      st.setString(1, rolloutId);
      try (var rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(JournalJson.readEntry(rs.getString(1)));
        }
      }
    }
    return out;
  }

  /** Archives a journal: nothing is left to resume. */
  static void archive(Connection db, String rolloutId) throws SQLException {
    try (var st = db.prepareStatement("UPDATE rollout_journal SET open=0 WHERE rollout_id=?")) {
      st.setString(1, rolloutId);
      st.executeUpdate();
    }
  }

  /** The boards planned by a policy's most recent rollout. */
  static Set<String> latestPlanDevices(Connection db, String policy) throws SQLException {
    try (var st =
        db.prepareStatement(
            "SELECT device_id FROM rollout_devices WHERE rollout_id = (SELECT rollout_id FROM"
                + " rollout_journal WHERE policy=? ORDER BY started_at DESC, rowid DESC LIMIT 1)")) {
      st.setString(1, policy);
      Set<String> out = new LinkedHashSet<>();
      try (var rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }
}
