package io.edgeconf.policy.model;

/**
 * A place in a policy's source: 1-based line and column (columns count Unicode code points).
 *
 * @param line the 1-based line
 * @param col the 1-based column
 */
public record SourcePos(int line, int col) {
  /** The position of things that have no place in the source (synthesised defaults). */
  public static final SourcePos NONE = new SourcePos(0, 0);

  public SourcePos {
    if (line < 0 || col < 0) {
      throw new IllegalArgumentException("position " + line + ":" + col + " is negative");
    }
  }

  @Override
  public String toString() {
    return line + ":" + col;
  }
}
