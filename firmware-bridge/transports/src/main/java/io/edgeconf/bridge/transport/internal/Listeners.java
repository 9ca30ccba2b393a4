package io.edgeconf.bridge.transport.internal;

import io.edgeconf.bridge.transport.BoardListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered {@link BoardListener}s; a listener that throws is logged and skipped. */
public final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<BoardListener> listeners = new CopyOnWriteArrayList<>();

  public void add(BoardListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void remove(BoardListener listener) {
    listeners.remove(listener);
  }

  public void fire(Consumer<BoardListener> event) {
    for (BoardListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.error("board listener {} failed", l, e);
      }
    }
  }
}
