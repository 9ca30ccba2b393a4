package io.edgeconf.policy.diag;

/**
 * One message of the compiler about a policy source.
 *
 * @param severity error or warning
 * @param file the file name as given to the compiler
 * @param line the 1-based line, 0 when the message concerns the whole file
 * @param col the 1-based column (in code points), 0 with line 0
 * @param length how many code points the caret underlines (at least 1)
 * @param message what is wrong, one line
 * @param hint how to fix it, or {@code ""}
 * @param sourceLine the text of the line (without its newline), or {@code ""}
 */
public record Diagnostic(
    Severity severity,
    String file,
    int line,
    int col,
    int length,
    String message,
    String hint,
    String sourceLine) {
  public Diagnostic {
    if (severity == null || message == null || message.isEmpty()) {
      throw new IllegalArgumentException("a diagnostic needs a severity and a message");
    }
    file = file == null ? "<input>" : file;
    if (line < 0 || col < 0) {
      throw new IllegalArgumentException("position " + line + ":" + col + " is negative");
    }
    length = Math.max(1, length);
    hint = hint == null ? "" : hint;
    sourceLine = sourceLine == null ? "" : sourceLine;
  }

  /** Whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The first line: {@code file:line:col: error: message}. */
  public String headline() {
    String where = line > 0 ? file + ":" + line + ":" + col : file;
    return where + ": " + severity.label() + ": " + message;
  }

  /**
   * The diagnostic as the compiler prints it: the headline, the source line with a caret under the
   * spot, and the hint.
   *
   * <pre>
   * greenhouse.policy:27:3: error: unknown field `temp_lo_c`
   *    27 |   temp_lo_c = temp_low_c + 5
   *       |   ^^^^^^^^^
   *       = hint: did you mean `temp_low_c`?
   * </pre>
   */
  public String render() {
    StringBuilder out = new StringBuilder(headline()).append('\n');
    String gutter = " ".repeat(String.valueOf(Math.max(line, 1)).length() + 1);
    if (line > 0 && !sourceLine.isEmpty()) {
      out.append(' ').append(line).append(" | ").append(printable(sourceLine)).append('\n');
      out.append(gutter).append(" | ").append(caretLine()).append('\n');
    }
    if (!hint.isEmpty()) {
      out.append(gutter).append(" = hint: ").append(hint).append('\n');
    }
    return out.toString();
  }

  private String caretLine() {
    StringBuilder s = new StringBuilder();
    int[] cps = sourceLine.codePoints().toArray();
    for (int i = 0; i < col - 1; i++) {
      s.append(i < cps.length && cps[i] == '\t' ? '\t' : ' ');
    }
    int room = Math.max(1, Math.min(length, cps.length - (col - 1)));
    return s.append("^".repeat(room)).toString();
  }

  /** Control characters would garble a terminal; show them as U+FFFD. */
  private static String printable(String text) {
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints()
        .forEach(cp -> s.appendCodePoint(cp != '\t' && Character.isISOControl(cp) ? 0xFFFD : cp));
    return s.toString();
  }
}
