package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.HealthReport;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.BoardTable;
import io.edgeconf.bridge.transport.internal.Listeners;
import io.edgeconf.bridge.wire.WireFormatException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CoAP resource directory and board liveness, without Californium: registrations with
 * lifetimes, health silence, online and offline. Confined to the transport's event thread, except
 * the reads {@link #table()} and {@link #idAt}.
 */
final class CoapBoardState {
  /** What a registration did. */
  enum Outcome {
    CREATED,
    UPDATED,
    FULL
  }

  /** What a sweep found. */
  record Sweep(List<String> expired, List<String> reobserve) {}

  private final BadInputLog bad;
  private final Listeners listeners;
  private final BoardTable table;
  private final int maxBoards;
  private final Duration healthInterval;
  private final int silentIntervals;
  private final Map<String, Registration> registrations = new HashMap<>();
  private final Map<InetSocketAddress, String> byAddress = new ConcurrentHashMap<>();

  CoapBoardState(
      BadInputLog bad,
      Listeners listeners,
      int maxBoards,
      Duration healthInterval,
      int silentIntervals) {
    this.bad = bad;
    this.listeners = listeners;
    this.table = new BoardTable(maxBoards);
    this.maxBoards = maxBoards;
    this.healthInterval = healthInterval;
    this.silentIntervals = silentIntervals;
  }

  BoardTable table() {
    return table;
  }

  /** The device registered from this address, for the DTLS identity of outgoing handshakes. */
  Optional<String> idAt(InetSocketAddress address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  Optional<Registration> registration(String id) {
    return Optional.ofNullable(registrations.get(id));
  }

  /** Registers or updates a board; the board is online from now until its lifetime ends. */
  Outcome register(
      BoardInfo info, InetSocketAddress address, boolean secure, Duration lifetime, Instant now) {
    String id = info.deviceId();
    BoardTable.Change change = table.announce(info);
    if (change == BoardTable.Change.FULL) {
      bad.report(
          BadInput.CAPACITY, address.toString(), "already tracking " + maxBoards + " boards");
      return Outcome.FULL;
    }
    Registration r = registrations.get(id);
    Outcome outcome;
    if (r == null) {
      r = new Registration(id, address, secure, now.plus(lifetime));
      registrations.put(id, r);
      outcome = Outcome.CREATED;
    } else {
      if (!r.address.equals(address)) {
        byAddress.remove(r.address, id);
      }
      r.address = address;
      r.secure = secure;
      r.expiresAt = now.plus(lifetime);
      outcome = Outcome.UPDATED;
    }
    r.lastHeard = now;
    byAddress.put(address, id);
    if (change != BoardTable.Change.SAME) {
      BoardInfo seen = table.get(id).orElseThrow();
      listeners.fire(l -> l.onBoardSeen(seen));
    }
    setOnline(id, true, now, "registered");
    return outcome;
  }

  /** A health notification from a board's observation. */
  void onHealth(String id, byte[] payload, Instant now) {
    Registration r = registrations.get(id);
    if (r == null) {
      return; // a late notification after the registration ended
    }
    if (payload.length > Health.MAX_BYTES) {
      bad.report(BadInput.HEALTH_OVERSIZED, id, payload.length + " bytes");
      return;
    }
    Health health;
    try {
      health = Health.parse(payload);
    } catch (WireFormatException e) {
      bad.report(BadInput.HEALTH_MALFORMED, id, e.getMessage());
      return;
    }
    r.lastHeard = now;
    table.touch(id, now);
    setOnline(id, true, now, "health");
    HealthReport report = new HealthReport(id, health, now);
    listeners.fire(l -> l.onHealth(report));
  }

  /**
   * Any answer from a board (a push's response, an acknowledged block) shows it is alive and, over
   * DTLS, that it holds its key.
   */
  void heard(String id, Instant now) {
    Registration r = registrations.get(id);
    if (r != null) {
      r.lastHeard = now;
    }
  }

  /**
   * A DTLS handshake with this address and PSK identity succeeded: if a board of that id is
   * registered there, it is heard (it holds its key). Handshakes of anyone else change nothing.
   */
  void handshook(InetSocketAddress address, String identity, Instant now) {
    String id = byAddress.get(address);
    if (id != null && id.equals(identity)) {
      heard(id, now);
    }
  }

  void observing(String id, Instant now) {
    Registration r = registrations.get(id);
    if (r != null) {
      r.lastObserve = now;
    }
  }

  /** Ends lapsed registrations, marks silent boards offline, lists observations to renew. */
  Sweep sweep(Instant now) {
    List<String> expired = new ArrayList<>();
    List<String> reobserve = new ArrayList<>();
    Duration offlineAfter = healthInterval.multipliedBy(silentIntervals);
    Duration lapseAfter = healthInterval.multipliedBy(2);
    for (var it = registrations.values().iterator(); it.hasNext(); ) {
      Registration r = it.next();
      if (!now.isBefore(r.expiresAt)) {
        it.remove();
        byAddress.remove(r.address, r.deviceId);
        expired.add(r.deviceId);
        setOnline(r.deviceId, false, now, "lifetime expired");
        continue;
      }
      Duration silent = Duration.between(r.lastHeard, now);
      if (silent.compareTo(offlineAfter) > 0) {
        setOnline(r.deviceId, false, now, "silent for " + silent.toMillis() + " ms");
      }
      if (silent.compareTo(lapseAfter) > 0
          && (r.lastObserve == null
              || Duration.between(r.lastObserve, now).compareTo(healthInterval) >= 0)) {
        reobserve.add(r.deviceId);
      }
    }
    return new Sweep(expired, reobserve);
  }

  private void setOnline(String id, boolean online, Instant now, String cause) {
    if (table.setOnline(id, online, now)) {
      if (online) {
        listeners.fire(l -> l.onOnline(id));
      } else {
        listeners.fire(l -> l.onOffline(id, cause));
      }
    }
  }

  int registrations() {
    return registrations.size();
  }
}
