package io.edgeconf.agent.device;

import io.edgeconf.agent.store.AgentStore;
import io.edgeconf.agent.store.DeviceRecord;
import io.edgeconf.agent.store.ImageRef;
import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.BoardListener;
import io.edgeconf.bridge.transport.HealthReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every board the gateway knows, kept in memory and in the store. Listens to the board transport;
 * its callbacks only hand work to the injected serial executor, which applies changes one at a
 * time, persists them and reports each changed record to the change listener. Thread-safe.
 */
public final class DeviceRegistry implements BoardListener {
  private static final Logger log = LoggerFactory.getLogger(DeviceRegistry.class);

  private final AgentStore store;
  private final Executor serial;
  private final Map<String, DeviceRecord> devices = new ConcurrentHashMap<>();
  private volatile Consumer<DeviceRecord> onChange = d -> {};
  private volatile Consumer<DeviceRecord> onNewBoard = d -> {};

  /**
   * @param serial a single-threaded executor: every change runs on it, in order
   */
  public DeviceRegistry(AgentStore store, Executor serial) {
    this.store = store;
    this.serial = serial;
    for (DeviceRecord d : store.devices()) {
      // Nothing is known to be online after a restart until the transport says so.
      devices.put(d.id(), d.withOnline(false));
    }
  }

  /** Called with every changed record (on the serial executor). */
  public void onChange(Consumer<DeviceRecord> listener) {
    this.onChange = listener;
  }

  /** Called when a board is seen for the first time or with a new announcement. */
  public void onNewBoard(Consumer<DeviceRecord> listener) {
    this.onNewBoard = listener;
  }

  /** Every known device, by id. */
  public List<DeviceRecord> all() {
    return devices.values().stream()
        .sorted(java.util.Comparator.comparing(DeviceRecord::id))
        .toList();
  }

  public Optional<DeviceRecord> get(String id) {
    return Optional.ofNullable(devices.get(id));
  }

  /** Changes a device's record (on the serial executor), persisting it. */
  public void update(String id, UnaryOperator<DeviceRecord> change) {
    serial.execute(() -> apply(id, change));
  }

  private void apply(String id, UnaryOperator<DeviceRecord> change) {
    DeviceRecord before = devices.get(id);
    if (before == null) {
      return;
    }
    DeviceRecord after = change.apply(before);
    if (after.equals(before)) {
      return;
    }
    commit(after);
  }

  private void commit(DeviceRecord after) {
    try {
      store.putDevice(after);
    } catch (RuntimeException e) {
      log.error("cannot store device {}: {}", after.id(), e.getMessage());
    }
    devices.put(after.id(), after);
    onChange.accept(after);
  }

  @Override
  public void onBoardSeen(BoardInfo board) {
    serial.execute(
        () -> {
          DeviceRecord before = devices.get(board.deviceId());
          DeviceRecord after =
              new DeviceRecord(
                  board.attributes(),
                  board.transport().wireName(),
                  board.policy(),
                  board.maxImage(),
                  board.online(),
                  before == null ? DeviceState.PENDING : before.state(),
                  before == null ? ImageRef.NONE : before.desired(),
                  before == null ? ImageRef.NONE : before.reported());
          if (!after.equals(before)) {
            commit(after);
            onNewBoard.accept(after);
          }
        });
  }

  @Override
  public void onOnline(String deviceId) {
    update(deviceId, d -> d.withOnline(true));
  }

  @Override
  public void onOffline(String deviceId, String cause) {
    update(deviceId, d -> d.withOnline(false));
  }

  @Override
  public void onAck(String deviceId, Ack ack, Instant receivedAt) {
    if (ack.applied()) {
      update(deviceId, d -> d.withReported(new ImageRef(ack.version(), ack.crc())));
    }
  }

  @Override
  public void onHealth(HealthReport report) {
    var h = report.health();
    update(
        report.deviceId(),
        d -> {
          DeviceRecord r = d.withReported(new ImageRef(h.version(), h.crc())).withOnline(true);
          boolean converged = h.ok() && r.desired().present() && r.desired().equals(r.reported());
          if (converged && DeviceState.APPLIED.equals(r.state())) {
            r = r.withState(DeviceState.CONFIRMED);
          }
          return r;
        });
  }
}
