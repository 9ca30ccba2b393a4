package io.edgeconf.agent.waves;

import io.edgeconf.bridge.message.Ack;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.BoardListener;
import io.edgeconf.bridge.transport.HealthReport;
import java.time.Instant;
import java.util.concurrent.Executor;

/** Hands what boards do to the engine's serial executor, without blocking the transport. */
final class EngineListener implements BoardListener {
  private final RolloutEngine engine;
  private final Executor serial;

  EngineListener(RolloutEngine engine, Executor serial) {
    this.engine = engine;
    this.serial = serial;
  }

  @Override
  public void onBoardSeen(BoardInfo board) {
    if (board.online()) {
      onOnline(board.deviceId());
    }
  }

  @Override
  public void onOnline(String deviceId) {
    serial.execute(() -> engine.driver(deviceId).ifPresent(DeviceDriver::onOnline));
  }

  @Override
  public void onOffline(String deviceId, String cause) {
    serial.execute(() -> engine.driver(deviceId).ifPresent(DeviceDriver::onOffline));
  }

  @Override
  public void onAck(String deviceId, Ack ack, Instant receivedAt) {
    serial.execute(() -> engine.driver(deviceId).ifPresent(d -> d.onAck(ack)));
  }

  @Override
  public void onHealth(HealthReport report) {
    serial.execute(
        () ->
            engine
                .driver(report.deviceId())
                .ifPresent(d -> d.onHealth(report.health(), report.receivedAt())));
  }
}
