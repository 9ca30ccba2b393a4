package io.edgeconf.policy.diag;

import io.edgeconf.policy.model.SourcePos;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one compilation of one source. Not thread-safe: one per compilation.
 */
public final class DiagnosticSink {
  private final String file;
  private final String[] lines;
  private final List<Diagnostic> items = new ArrayList<>();

  /**
   * @param file the file name for headlines
   * @param source the source text, to quote lines
   */
  public DiagnosticSink(String file, String source) {
    this.file = file == null ? "<input>" : file;
    this.lines = (source == null ? "" : source).split("\r\n|\n|\r", -1);
  }

  /** Reports an error at {@code pos}, underlining {@code length} code points. */
  public void error(SourcePos pos, int length, String message, String hint) {
    add(Severity.ERROR, pos, length, message, hint);
  }

  /** Reports a warning at {@code pos}, underlining {@code length} code points. */
  public void warning(SourcePos pos, int length, String message, String hint) {
    add(Severity.WARNING, pos, length, message, hint);
  }

  /** Adds a diagnostic. */
  public void add(Severity severity, SourcePos pos, int length, String message, String hint) {
    SourcePos p = pos == null ? SourcePos.NONE : pos;
    String text = p.line() >= 1 && p.line() <= lines.length ? lines[p.line() - 1] : "";
    items.add(new Diagnostic(severity, file, p.line(), p.col(), length, message, hint, text));
  }

  /** Whether an error was reported. */
  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  /** The number of errors so far. */
  public int errorCount() {
    return (int) items.stream().filter(Diagnostic::isError).count();
  }

  /** The diagnostics so far, sorted by position (stable for equal positions). */
  public Diagnostics result() {
    List<Diagnostic> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::col));
    return new Diagnostics(sorted);
  }
}
