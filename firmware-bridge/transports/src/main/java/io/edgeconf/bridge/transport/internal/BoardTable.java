package io.edgeconf.bridge.transport.internal;

import io.edgeconf.bridge.transport.BoardInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The boards a transport has seen, bounded. Written only from the transport's event thread, read
 * from anywhere.
 */
public final class BoardTable {
  /** What an announcement did to the table. */
  public enum Change {
    NEW,
    CHANGED,
    SAME,
    FULL
  }

  private final int maxBoards;
  private final ConcurrentHashMap<String, BoardInfo> boards = new ConcurrentHashMap<>();

  public BoardTable(int maxBoards) {
    this.maxBoards = maxBoards;
  }

  /**
   * Records an announcement, keeping the board's online state and refreshing its last-seen time.
   */
  public Change announce(BoardInfo info) {
    BoardInfo old = boards.get(info.deviceId());
    if (old == null) {
      if (boards.size() >= maxBoards) {
        return Change.FULL;
      }
      boards.put(info.deviceId(), info);
      return Change.NEW;
    }
    boards.put(info.deviceId(), info.withOnline(old.online(), info.lastSeen()));
    return old.sameAnnouncement(info) ? Change.SAME : Change.CHANGED;
  }

  /** Sets the online state; true when it changed. */
  public boolean setOnline(String id, boolean online, Instant at) {
    BoardInfo old = boards.get(id);
    if (old == null) {
      return false;
    }
    boards.put(id, old.withOnline(online, online ? at : old.lastSeen()));
    return old.online() != online;
  }

  /** Refreshes the last-seen time. */
  public void touch(String id, Instant at) {
    boards.computeIfPresent(id, (k, old) -> old.withOnline(old.online(), at));
  }

  public Optional<BoardInfo> get(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(boards.get(id));
  }

  public boolean contains(String id) {
    return id != null && boards.containsKey(id);
  }

  public List<BoardInfo> all() {
    return List.copyOf(boards.values());
  }

  public int size() {
    return boards.size();
  }
}
