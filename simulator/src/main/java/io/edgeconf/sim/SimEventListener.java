package io.edgeconf.sim;

/**
 * Receives the simulator's events. Called on the board's own worker, one event at a time per board
 * but concurrently across boards: implementations must be thread-safe, quick and must not throw
 * (exceptions are logged and ignored).
 */
@FunctionalInterface
public interface SimEventListener {
  void onEvent(SimEvent event);
}
