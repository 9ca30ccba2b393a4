package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.message.Ack;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event, for assertions. */
public final class RecordingListener implements BoardListener {
  public final List<BoardInfo> seen = new CopyOnWriteArrayList<>();
  public final List<String> online = new CopyOnWriteArrayList<>();
  public final List<String> offline = new CopyOnWriteArrayList<>();
  public final List<Ack> acks = new CopyOnWriteArrayList<>();
  public final List<HealthReport> health = new CopyOnWriteArrayList<>();
  public final List<Boolean> up = new CopyOnWriteArrayList<>();
  public final List<String> down = new CopyOnWriteArrayList<>();

  @Override
  public void onBoardSeen(BoardInfo board) {
    seen.add(board);
  }

  @Override
  public void onOnline(String deviceId) {
    online.add(deviceId);
  }

  @Override
  public void onOffline(String deviceId, String cause) {
    offline.add(deviceId);
  }

  @Override
  public void onAck(String deviceId, Ack ack, Instant receivedAt) {
    acks.add(ack);
  }

  @Override
  public void onHealth(HealthReport report) {
    health.add(report);
  }

  @Override
  public void onTransportUp(Transport transport, boolean reconnect) {
    up.add(reconnect);
  }

  @Override
  public void onTransportDown(Transport transport, String cause) {
    down.add(cause);
  }

  public boolean sawHealthFrom(String id) {
    return health.stream().anyMatch(h -> h.deviceId().equals(id));
  }
}
