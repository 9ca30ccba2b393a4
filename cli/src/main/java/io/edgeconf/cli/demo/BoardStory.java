package io.edgeconf.cli.demo;

import io.edgeconf.sim.SimEvent;
import io.edgeconf.sim.SimEventListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happened to each board, from the boards' own side: passes every simulator event to the
 * reporter and remembers which boards crashed back to an older image. Thread-safe.
 */
final class BoardStory implements SimEventListener {
  private final DemoReporter reporter;
  private final Set<String> crashed = ConcurrentHashMap.newKeySet();
  private volatile long watchedVersion = -1;

  BoardStory(DemoReporter reporter) {
    this.reporter = reporter;
  }

  /** From now on, reverts away from this version are reported as crashes. */
  void watchCrashesOf(long version) {
    watchedVersion = version;
  }

  @Override
  public void onEvent(SimEvent e) {
    reporter.boardEvent(e);
    if (e.kind() == SimEvent.Kind.REVERTED && watchedVersion >= 0 && e.version() < watchedVersion) {
      crashed.add(e.deviceId());
      reporter.detail(
          String.format(
              "%-17s CRASHED after applying v%d and went back to v%d by itself (simulated fault)",
              e.deviceId(), watchedVersion, e.version()));
    }
  }

  /** The boards that crashed back from the watched version. */
  Set<String> crashed() {
    return Set.copyOf(crashed);
  }
}
