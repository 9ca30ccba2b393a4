package io.edgeconf.agent.waves;

import io.edgeconf.hardware.GatewayHardware;
import io.edgeconf.hardware.StatusPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Pi4J's mock hardware with the fleet's boards wired to it: a pulse on a board's reset line resets
 * that fake board.
 */
final class WiredHardware implements GatewayHardware {
  private final GatewayHardware mock;
  private final FakeFleet fleet;
  final List<String> pulsed = new ArrayList<>();

  WiredHardware(GatewayHardware mock, FakeFleet fleet) {
    this.mock = mock;
    this.fleet = fleet;
  }

  @Override
  public void show(StatusPattern pattern) {
    mock.show(pattern);
  }

  @Override
  public StatusPattern shown() {
    return mock.shown();
  }

  @Override
  public boolean hasResetLine(String deviceId) {
    return mock.hasResetLine(deviceId);
  }

  @Override
  public CompletableFuture<Void> pulseReset(String deviceId) {
    pulsed.add(deviceId);
    return mock.pulseReset(deviceId).thenRun(() -> fleet.resetLinePulsed(deviceId));
  }

  @Override
  public void onLongPress(Runnable action) {
    mock.onLongPress(action);
  }

  @Override
  public boolean simulated() {
    return mock.simulated();
  }

  @Override
  public void close() {
    mock.close();
  }
}
