package io.edgeconf.hardware;

import java.util.concurrent.CompletableFuture;

/**
 * The gateway's own I/O: status LEDs, reset lines wired to boards, and a button. Thread-safe.
 * Closing it turns the LEDs off and releases every line.
 */
public interface GatewayHardware extends AutoCloseable {
  /** Shows a pattern on every status LED. */
  void show(StatusPattern pattern);

  /** The pattern shown now. */
  StatusPattern shown();

  /** Whether this device has a reset line wired. */
  boolean hasResetLine(String deviceId);

  /**
   * Pulses the device's reset line once (active level for its pulse length, then released).
   *
   * @return completes when the line is released; fails with {@link HardwareException} when the
   *     device has no reset line
   */
  CompletableFuture<Void> pulseReset(String deviceId);

  /** Called (on the hardware's thread) when the button is held for its long-press time. */
  void onLongPress(Runnable action);

  /** Whether the lines are simulated by Pi4J's mock provider. */
  boolean simulated();

  @Override
  void close();
}
