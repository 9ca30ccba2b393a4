package io.edgeconf.policy.diag;

import java.util.List;

/**
 * All diagnostics of one compilation, errors and warnings in source order. Immutable.
 *
 * @param items the diagnostics, sorted by line and column
 */
public record Diagnostics(List<Diagnostic> items) {
  public Diagnostics {
    items = List.copyOf(items);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  /** The errors. */
  public List<Diagnostic> errors() {
    return items.stream().filter(Diagnostic::isError).toList();
  }

  /** The warnings. */
  public List<Diagnostic> warnings() {
    return items.stream().filter(d -> !d.isError()).toList();
  }

  /**
   * Every diagnostic rendered as the compiler prints it, followed by a summary line such as {@code
   * 2 errors, 1 warning}; {@code ""} when there are none.
   */
  public String render() {
    if (items.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    items.forEach(d -> out.append(d.render()));
    return out.append(summary()).append('\n').toString();
  }

  /** {@code N errors, M warnings}. */
  public String summary() {
    int e = errors().size();
    int w = items.size() - e;
    return plural(e, "error") + ", " + plural(w, "warning");
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
