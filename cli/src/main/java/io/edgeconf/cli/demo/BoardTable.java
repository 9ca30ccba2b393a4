package io.edgeconf.cli.demo;

import java.util.List;

/** The final table as text. */
final class BoardTable {
  private static final String FORMAT = "  %-17s %-9s %-6s %-12s %-8s %-10s %s%n";

  private BoardTable() {}

  static String render(List<BoardRow> rows) {
    var sb = new StringBuilder();
    sb.append(
        String.format(
            FORMAT, "BOARD", "TYPE", "ZONE", "TAGS", "RUNNING", "AGENT", "WHAT HAPPENED"));
    for (BoardRow r : rows) {
      sb.append(
          String.format(
              FORMAT,
              r.device(),
              r.board(),
              r.zone().isEmpty() ? "-" : r.zone(),
              r.tags().isEmpty() ? "-" : String.join(",", r.tags()),
              r.running() == 0 ? "-" : "v" + r.running(),
              r.agentState(),
              r.outcome()));
    }
    return sb.toString();
  }
}
