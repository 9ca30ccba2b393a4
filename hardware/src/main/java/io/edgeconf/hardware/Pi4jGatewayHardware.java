package io.edgeconf.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfigBuilder;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GatewayHardware} on a Pi4J context: the gpiod provider on a Raspberry Pi, the mock
 * provider elsewhere. Timing runs on the injected scheduler (one thread is plenty).
 */
final class Pi4jGatewayHardware implements GatewayHardware {
  private static final Logger LOG = LoggerFactory.getLogger(Pi4jGatewayHardware.class);

  private final Context pi4j;
  private final boolean simulated;
  private final ScheduledExecutorService scheduler;
  private final Wiring wiring;
  private final List<DigitalOutput> leds = new ArrayList<>();
  private final Map<String, DigitalOutput> resets = new HashMap<>();
  private final List<Runnable> longPressActions = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private StatusPattern pattern = StatusPattern.OFF;
  private ScheduledFuture<?> blinker;
  private ScheduledFuture<?> pressTimer;
  private boolean ledOn;
  private boolean closed;

  Pi4jGatewayHardware(
      Context pi4j,
      boolean simulated,
      String outputProvider,
      String inputProvider,
      Wiring wiring,
      ScheduledExecutorService scheduler) {
    this.pi4j = pi4j;
    this.simulated = simulated;
    this.scheduler = scheduler;
    this.wiring = wiring;
    for (Wiring.Led led : wiring.leds()) {
      leds.add(output(outputProvider, "led-" + led.name(), led.pin(), inactive(led.activeHigh())));
    }
    wiring
        .resets()
        .forEach(
            (id, line) ->
                resets.put(
                    id,
                    output(
                        outputProvider, "reset-" + id, line.pin(), inactive(line.activeHigh()))));
    wiring.button().ifPresent(button -> listen(inputProvider, button));
  }

  private DigitalOutput output(String provider, String id, int pin, DigitalState idle) {
    DigitalOutputConfigBuilder config =
        DigitalOutput.newConfigBuilder(pi4j).id(id).address(pin).initial(idle).shutdown(idle);
    if (provider != null) {
      config.provider(provider);
    }
    return pi4j.create(config);
  }

  private void listen(String provider, Wiring.Button button) {
    DigitalInputConfigBuilder config =
        DigitalInput.newConfigBuilder(pi4j)
            .id("button")
            .address(button.pin())
            .pull(button.activeHigh() ? PullResistance.PULL_DOWN : PullResistance.PULL_UP)
            .debounce(3000L);
    if (provider != null) {
      config.provider(provider);
    }
    DigitalInput input = pi4j.create(config);
    DigitalState pressed = button.activeHigh() ? DigitalState.HIGH : DigitalState.LOW;
    input.addListener(
        (DigitalStateChangeListener)
            event -> {
              synchronized (lock) {
                if (pressTimer != null) {
                  pressTimer.cancel(false);
                  pressTimer = null;
                }
                if (event.state() == pressed && !closed) {
                  pressTimer =
                      scheduler.schedule(
                          this::longPressed, button.longPress().toMillis(), TimeUnit.MILLISECONDS);
                }
              }
            });
  }

  private void longPressed() {
    LOG.info("button held: asking for a rollback to the last-known-good");
    for (Runnable action : longPressActions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("long-press action failed", e);
      }
    }
  }

  private static DigitalState inactive(boolean activeHigh) {
    return activeHigh ? DigitalState.LOW : DigitalState.HIGH;
  }

  private static DigitalState active(boolean activeHigh) {
    return activeHigh ? DigitalState.HIGH : DigitalState.LOW;
  }

  @Override
  public void show(StatusPattern next) {
    synchronized (lock) {
      if (closed || next == pattern) {
        return;
      }
      pattern = next;
      if (blinker != null) {
        blinker.cancel(false);
        blinker = null;
      }
      setLeds(next != StatusPattern.OFF);
      if (!next.halfPeriod().isZero()) {
        long half = next.halfPeriod().toMillis();
        blinker = scheduler.scheduleAtFixedRate(this::toggle, half, half, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void toggle() {
    synchronized (lock) {
      if (!closed) {
        setLeds(!ledOn);
      }
    }
  }

  private void setLeds(boolean on) {
    ledOn = on;
    for (int i = 0; i < leds.size(); i++) {
      boolean activeHigh = wiring.leds().get(i).activeHigh();
      leds.get(i).state(on ? active(activeHigh) : inactive(activeHigh));
    }
  }

  @Override
  public StatusPattern shown() {
    synchronized (lock) {
      return pattern;
    }
  }

  @Override
  public boolean hasResetLine(String deviceId) {
    return resets.containsKey(deviceId);
  }

  @Override
  public CompletableFuture<Void> pulseReset(String deviceId) {
    DigitalOutput line = resets.get(deviceId);
    if (line == null) {
      return CompletableFuture.failedFuture(
          new HardwareException("device " + deviceId + " has no reset line"));
    }
    Wiring.ResetLine wired = wiring.resets().get(deviceId);
    CompletableFuture<Void> released = new CompletableFuture<>();
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new HardwareException("hardware is closed"));
      }
      LOG.info(
          "pulsing the reset line of {} (BCM {}) for {}", deviceId, wired.pin(), wired.pulse());
      line.state(active(wired.activeHigh()));
    }
    scheduler.schedule(
        () -> {
          synchronized (lock) {
            line.state(inactive(wired.activeHigh()));
          }
          released.complete(null);
        },
        wired.pulse().toMillis(),
        TimeUnit.MILLISECONDS);
    return released;
  }

  /** The Pi4J context whose registry holds the lines (for {@link MockLines}). */
  Context context() {
    return pi4j;
  }

  @Override
  public void onLongPress(Runnable action) {
    longPressActions.add(action);
  }

  @Override
  public boolean simulated() {
    return simulated;
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (blinker != null) {
        blinker.cancel(false);
      }
      if (pressTimer != null) {
        pressTimer.cancel(false);
      }
      setLeds(false);
      pattern = StatusPattern.OFF;
      closed = true;
    }
    try {
      pi4j.shutdown();
    } catch (RuntimeException e) {
      LOG.warn("Pi4J shutdown failed", e);
    }
  }
}
