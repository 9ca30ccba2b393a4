package io.edgeconf.agent.testing;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Records every state change of a (mock) output line, each with a tag read when it happened (the
 * LED's pattern, say), and lets a test react to the changes: a board held in reset while its line
 * is active. Listeners run on the thread that drives the line, so reactions must not block.
 * Thread-safe.
 */
public final class LineRecorder {
  private record Change(DigitalState state, Object tag) {}

  private final List<Change> changes = new CopyOnWriteArrayList<>();
  private volatile Consumer<DigitalState> reaction = s -> {};

  private LineRecorder() {}

  /** Records the line's changes from now on. */
  public static LineRecorder on(DigitalOutput line) {
    return on(line, () -> null);
  }

  /** Records the line's changes from now on, each tagged with what {@code tag} says then. */
  public static LineRecorder on(DigitalOutput line, Supplier<?> tag) {
    var r = new LineRecorder();
    line.addListener(
        (DigitalStateChangeListener)
            e -> {
              r.changes.add(new Change(e.state(), tag.get()));
              r.reaction.accept(e.state());
            });
    return r;
  }

  /** Runs {@code reaction} with the new state after every later change. */
  public void onChange(Consumer<DigitalState> reaction) {
    this.reaction = reaction;
  }

  /** The states the line went to, in order. */
  public List<DigitalState> states() {
    return changes.stream().map(Change::state).toList();
  }

  /** How many changes happened while the tag was {@code tag}. */
  public int toggles(Object tag) {
    return (int) changes.stream().filter(c -> Objects.equals(c.tag(), tag)).count();
  }
}
