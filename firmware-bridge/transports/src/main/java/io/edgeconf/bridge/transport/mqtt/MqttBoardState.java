package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.message.Health;
import io.edgeconf.bridge.message.Hello;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.HealthReport;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.BoardTable;
import io.edgeconf.bridge.transport.internal.FloodGuard;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import io.edgeconf.bridge.transport.internal.Listeners;
import io.edgeconf.bridge.transport.internal.PendingPush;
import io.edgeconf.bridge.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the MQTT transport knows and decides, without Paho: boards from {@code hello} and {@code
 * online}, pending pushes matched to acks by version and CRC, desired images. Confined to the
 * transport's event thread (not thread-safe), except {@link #table()} reads.
 */
final class MqttBoardState {
  /** Pushed images remembered per board, so that late and repeated acks are recognised. */
  static final int HISTORY = 8;

  private final Clock clock;
  private final BadInputLog bad;
  private final Listeners listeners;
  private final BoardTable table;
  private final FloodGuard flood;
  private final int maxBoards;
  private final Map<String, PendingPush> pending = new HashMap<>();
  private final Map<String, byte[]> desired = new HashMap<>();
  private final Map<String, Deque<ImageInfo>> pushed = new HashMap<>();
  private final Set<String> onlineBeforeHello = new LinkedHashSet<>();
  private final HelloRecovery helloRecovery;

  MqttBoardState(
      Clock clock,
      BadInputLog bad,
      Listeners listeners,
      int maxBoards,
      double maxMessagesPerSecond,
      Consumer<String> rereadHello) {
    this.clock = clock;
    this.bad = bad;
    this.listeners = listeners;
    this.maxBoards = maxBoards;
    this.table = new BoardTable(maxBoards);
    this.flood = new FloodGuard(clock, maxMessagesPerSecond, maxBoards);
    this.helloRecovery = new HelloRecovery(clock, rereadHello, maxBoards);
  }

  BoardTable table() {
    return table;
  }

  /** Handles one received message. Never throws for bad input: it is counted and dropped. */
  void onMessage(MqttTopics.Parsed topic, byte[] payload) {
    String id = topic.deviceId();
    if (!DeviceId.isValid(id)) {
      bad.report(BadInput.INVALID_ID, "topic id '" + printable(id) + "'", "id breaks the pattern");
      return;
    }
    if (!table.contains(id) && topic.kind() != MqttTopics.Kind.HELLO) {
      if (topic.kind() == MqttTopics.Kind.ONLINE) {
        rememberOnline(id, payload); // retained online may arrive before retained hello
      } else {
        bad.report(BadInput.UNKNOWN_DEVICE, id, topic.kind().level + " before any hello");
        if (topic.kind() == MqttTopics.Kind.HEALTH || topic.kind() == MqttTopics.Kind.ACK) {
          helloRecovery.helloMissing(id); // its retained hello may have been dropped
        }
      }
      return;
    }
    if (!flood.allow(id)) {
      bad.report(BadInput.FLOOD, id, "more than the allowed messages per second");
      return;
    }
    switch (topic.kind()) {
      case HELLO -> onHello(id, payload);
      case ONLINE -> onOnline(id, payload);
      case ACK -> onAck(id, payload);
      case HEALTH -> onHealth(id, payload);
      case CFG -> {
        // our own retained image echoed back: not subscribed, ignore
      }
    }
  }

  private void onHello(String id, byte[] payload) {
    if (payload.length == 0) {
      return; // a cleared retained hello
    }
    if (payload.length > Hello.MAX_BYTES) {
      bad.report(BadInput.HELLO_OVERSIZED, id, payload.length + " bytes");
      return;
    }
    Hello hello;
    DeviceAttributes attributes;
    try {
      hello = Hello.parse(payload);
      attributes = hello.toAttributes(id);
    } catch (WireFormatException e) {
      bad.report(BadInput.HELLO_MALFORMED, id, e.getMessage());
      return;
    }
    BoardInfo info =
        BoardInfo.of(attributes, hello.policy(), hello.maxImage(), false, clock.instant());
    if (info.transport() != Transport.MQTT) {
      bad.report(BadInput.WRONG_TRANSPORT, id, "board " + hello.board() + " is not an MQTT board");
      return;
    }
    BoardTable.Change change = table.announce(info);
    switch (change) {
      case FULL -> bad.report(BadInput.CAPACITY, id, "already tracking " + maxBoards + " boards");
      case NEW, CHANGED -> {
        BoardInfo now = table.get(id).orElseThrow();
        listeners.fire(l -> l.onBoardSeen(now));
      }
      case SAME -> {}
    }
    if (change == BoardTable.Change.NEW && onlineBeforeHello.remove(id)) {
      setOnline(id, true, "online");
    }
  }

  private void rememberOnline(String id, byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8).strip();
    if (text.equals("1")) {
      if (onlineBeforeHello.size() >= maxBoards) {
        onlineBeforeHello.remove(onlineBeforeHello.iterator().next());
      }
      onlineBeforeHello.add(id);
    } else {
      onlineBeforeHello.remove(id);
    }
  }

  private void onOnline(String id, byte[] payload) {
    if (payload.length == 0) {
      return; // a cleared retained flag
    }
    String text = new String(payload, StandardCharsets.UTF_8).strip();
    switch (text) {
      case "1" -> setOnline(id, true, "online");
      case "0" -> setOnline(id, false, "offline (will or goodbye)");
      default ->
          bad.report(
              BadInput.ONLINE_MALFORMED,
              id,
              "online payload of " + payload.length + " bytes is neither 1 nor 0");
    }
  }

  void setOnline(String id, boolean online, String cause) {
    if (table.setOnline(id, online, clock.instant())) {
      if (online) {
        listeners.fire(l -> l.onOnline(id));
      } else {
        listeners.fire(l -> l.onOffline(id, cause));
      }
    }
  }

  private void onAck(String id, byte[] payload) {
    if (payload.length > Ack.MAX_BYTES) {
      bad.report(BadInput.ACK_OVERSIZED, id, payload.length + " bytes");
      return;
    }
    Ack ack;
    try {
      ack = Ack.parse(payload);
    } catch (WireFormatException e) {
      bad.report(BadInput.ACK_MALFORMED, id, e.getMessage());
      return;
    }
    Instant now = clock.instant();
    PendingPush p = pending.get(id);
    boolean forPending = p != null && p.image().matches(ack.version(), ack.crc());
    if (!forPending && !wasPushed(id, ack.version(), ack.crc())) {
      bad.report(
          BadInput.ACK_NOT_PUSHED,
          id,
          "ack for v" + ack.version() + "/" + Crc32c.hex(ack.crc()) + ", never pushed to it");
      return;
    }
    table.touch(id, now);
    if (forPending) {
      pending.remove(id);
      p.complete(
          ack.applied()
              ? PushResult.applied(id, ack.version(), ack.crc(), "")
              : PushResult.rejected(id, ack.version(), ack.crc(), ack.reason().orElseThrow(), ""));
    }
    listeners.fire(l -> l.onAck(id, ack, now));
  }

  private void onHealth(String id, byte[] payload) {
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
    Instant now = clock.instant();
    table.touch(id, now);
    PendingPush p = pending.get(id);
    if (p != null && p.image().matches(health.version(), health.crc())) {
      // The board runs the pushed image: its ack was lost (e.g. while the broker restarted).
      pending.remove(id);
      p.complete(
          PushResult.applied(
              id, health.version(), health.crc(), "confirmed by a health report; no ack seen"));
    }
    HealthReport report = new HealthReport(id, health, now);
    listeners.fire(l -> l.onHealth(report));
  }

  private boolean wasPushed(String id, long version, long crc) {
    Deque<ImageInfo> h = pushed.get(id);
    return h != null && h.stream().anyMatch(i -> i.matches(version, crc));
  }

  // --- pushes and desired images (called on the event thread by the transport) ---

  Optional<BoardInfo> board(String id) {
    return table.get(id);
  }

  /** Starts tracking a push; a push pending for the same board is superseded. */
  PendingPush beginPush(String id, byte[] image, ImageInfo info) {
    PendingPush old = pending.remove(id);
    if (old != null) {
      old.complete(PushStatus.SUPERSEDED, "a newer push to " + id + " replaced it");
    }
    PendingPush p = new PendingPush(id, info);
    pending.put(id, p);
    setDesired(id, image, info);
    return p;
  }

  void setDesired(String id, byte[] image, ImageInfo info) {
    desired.put(id, image.clone());
    Deque<ImageInfo> h = pushed.computeIfAbsent(id, k -> new ArrayDeque<>());
    h.remove(info);
    h.addLast(info);
    while (h.size() > HISTORY) {
      h.removeFirst();
    }
  }

  void clearDesired(String id) {
    desired.remove(id);
  }

  /** Ends a push at its deadline, if still pending. */
  void deadline(PendingPush p) {
    if (pending.get(p.deviceId()) != p) {
      return;
    }
    pending.remove(p.deviceId());
    boolean online = table.get(p.deviceId()).map(BoardInfo::online).orElse(false);
    if (online) {
      p.complete(PushStatus.TIMEOUT, "no ack before the deadline");
    } else {
      p.complete(
          PushStatus.UNREACHABLE,
          "board offline; the image stays retained on its cfg topic for its return");
    }
  }

  void forget(PendingPush p) {
    pending.remove(p.deviceId(), p);
  }

  /** Desired images of boards with a pending push (to publish again after a reconnect). */
  Map<String, byte[]> pendingImages() {
    Map<String, byte[]> out = new HashMap<>();
    for (String id : pending.keySet()) {
      byte[] image = desired.get(id);
      if (image != null) {
        out.put(id, image);
      }
    }
    return out;
  }

  Map<String, byte[]> desiredImages() {
    return Map.copyOf(desired);
  }

  List<PendingPush> drainPending() {
    List<PendingPush> all = new ArrayList<>(pending.values());
    pending.clear();
    return all;
  }

  private static String printable(String id) {
    String s = id.length() > 80 ? id.substring(0, 80) + "…" : id;
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
