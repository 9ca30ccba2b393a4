package io.edgeconf.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.sim.SimEvent;
import java.io.PrintWriter;
import java.util.List;

/**
 * Human-readable output. On a terminal the current phase's progress bar is redrawn in place (lines
 * about boards appear above it); otherwise only plain lines are printed.
 */
final class TextReporter implements DemoReporter {
  private final PrintWriter out;
  private final boolean terminal;
  private String phase;
  private int total;
  private int done;
  private int failed;
  private int barWidth;

  TextReporter(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void step(String text) {
    clearBar();
    out.println();
    out.println("== " + text);
    redrawBar();
  }

  @Override
  public void note(String text) {
    detail(text);
  }

  @Override
  public synchronized void detail(String text) {
    clearBar();
    out.println("   " + text);
    redrawBar();
  }

  @Override
  public synchronized void phase(String title, int total) {
    this.phase = title;
    this.total = total;
    this.done = 0;
    this.failed = 0;
    redrawBar();
  }

  @Override
  public synchronized void progress(int done, int failed) {
    this.done = done;
    this.failed = failed;
    redrawBar();
  }

  @Override
  public synchronized void endPhase(String summary) {
    if (phase != null) {
      clearBar();
      out.println(ProgressBar.render(phase, done, failed, total));
      phase = null;
    }
    out.println("   " + summary);
    out.flush();
  }

  @Override
  public void agentEvent(JsonNode event) {
    // Shown through detail lines.
  }

  @Override
  public void boardEvent(SimEvent event) {
    // Shown through detail lines.
  }

  @Override
  public synchronized void table(List<BoardRow> rows, boolean ok) {
    clearBar();
    out.println();
    out.print(BoardTable.render(rows));
    out.flush();
  }

  @Override
  public synchronized void problem(String text) {
    clearBar();
    out.println("!! " + text);
    redrawBar();
  }

  private void clearBar() {
    if (terminal && barWidth > 0) {
      out.print("\r" + " ".repeat(barWidth) + "\r");
      barWidth = 0;
    }
  }

  private void redrawBar() {
    if (terminal && phase != null) {
      clearBar();
      String line = ProgressBar.render(phase, done, failed, total);
      out.print(line);
      barWidth = line.length();
    }
    out.flush();
  }
}
