package io.edgeconf.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.sim.SimEvent;
import java.util.List;

/**
 * Where the demo tells what happens: human-readable lines (with a progress bar per phase on a
 * terminal) or JSON lines. Implementations are thread-safe (board events arrive on the simulator's
 * threads).
 */
interface DemoReporter {
  /** A step of the story, e.g. "Starting the gateway agent". */
  void step(String text);

  /** A line of the story that no event tells (what the demo does and why). */
  void note(String text);

  /** A line about one board, repeating what an event says. */
  void detail(String text);

  /** A phase with a progress bar over {@code total} boards begins. */
  void phase(String title, int total);

  /** Progress of the current phase: boards done (with any verdict) and failed so far. */
  void progress(int done, int failed);

  /** The current phase ends. */
  void endPhase(String summary);

  /** An event from the gateway's events topic (shown as is with {@code --json}). */
  void agentEvent(JsonNode event);

  /** Something a simulated board did (shown as is with {@code --json}). */
  void boardEvent(SimEvent event);

  /** The final table. */
  void table(List<BoardRow> rows, boolean ok);

  /** Something went wrong. */
  void problem(String text);
}
