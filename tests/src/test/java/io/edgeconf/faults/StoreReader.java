package io.edgeconf.faults;

import io.edgeconf.bridge.image.ImageCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Reads the agent's store (docs/agent.md, "State directory") read-only while the agent runs, or
 * after it was killed: the durable record of each rollout's outcome and of each board's last step,
 * failure cause and images, which events published over MQTT may miss when the agent dies.
 */
final class StoreReader {
  /** A board in a rollout. Images are null when the board had none. */
  record DeviceStep(String id, String status, String cause, byte[] previousImage, byte[] newImage) {
    boolean failed() {
      return cause != null;
    }

    /** A last step after which the engine does nothing more with this board. */
    boolean done() {
      return switch (status) {
        case "settled", "reverted", "revert_unconfirmed", "not_reached", "superseded" -> true;
        default -> false;
      };
    }
  }

  /** A board's desired image in the store. */
  record Desired(long version, long crc) {}

  private final String url;

  StoreReader(Path stateDir) {
    this.url = "jdbc:sqlite:" + stateDir.resolve("agent.db");
  }

  private Connection open() throws SQLException {
    var config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(10_000);
    return DriverManager.getConnection(url, config.toProperties());
  }

  /** The outcome of a rollout ({@code running}, {@code succeeded}, ...), if it is recorded. */
  Optional<String> outcome(String rolloutId) throws SQLException {
    try (var db = open();
        var st = db.prepareStatement("SELECT outcome FROM rollouts WHERE id=?")) {
      st.setString(1, rolloutId);
      try (var rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Every rollout id with its version and outcome, oldest first. */
  Map<String, String> rollouts() throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (var db = open();
        var st =
            db.prepareStatement(
                "SELECT id, version, outcome FROM rollouts ORDER BY started_at, rowid");
        var rs = st.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), "v" + rs.getLong(2) + " " + rs.getString(3));
      }
    }
    return out;
  }

  /** The boards of a rollout, by id. */
  Map<String, DeviceStep> devices(String rolloutId) throws SQLException {
    Map<String, DeviceStep> out = new LinkedHashMap<>();
    try (var db = open();
        var st =
            db.prepareStatement(
                "SELECT device_id, status, cause, previous_image, new_image FROM rollout_devices"
                    + " WHERE rollout_id=?")) {
      st.setString(1, rolloutId);
      try (var rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1),
              new DeviceStep(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getBytes(4),
                  rs.getBytes(5)));
        }
      }
    }
    return out;
  }

  /** Every board's desired image. */
  Map<String, Desired> desired() throws SQLException {
    Map<String, Desired> out = new LinkedHashMap<>();
    try (var db = open();
        var st = db.prepareStatement("SELECT id, desired_version, desired_crc FROM devices");
        var rs = st.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), new Desired(rs.getLong(2), rs.getLong(3)));
      }
    }
    return out;
  }

  /** The version of an image, 0 for none. */
  static long version(byte[] image) {
    return image == null ? 0 : ImageCodec.versionOf(image).orElse(0);
  }

  /** The CRC of an image, 0 for none. */
  static long crc(byte[] image) {
    return image == null ? 0 : ImageCodec.crcOf(image);
  }

  /** Failure causes of a rollout's boards, by cause. */
  static Map<String, List<String>> causes(Map<String, DeviceStep> devices) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    devices.values().stream()
        .filter(DeviceStep::failed)
        .forEach(d -> out.computeIfAbsent(d.cause(), k -> new ArrayList<>()).add(d.id()));
    return out;
  }
}
