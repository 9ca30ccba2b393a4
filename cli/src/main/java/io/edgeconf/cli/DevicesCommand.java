package io.edgeconf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description = "List a gateway's devices with their desired and reported images.")
final class DevicesCommand extends MgmtCommand {
  @Override
  String verb() {
    return "devices";
  }

  @Override
  void print(JsonNode a, PrintWriter out) {
    String row = "%-24s %-9s %-5s %-14s %-7s %-11s %-14s %-14s%n";
    out.printf(row, "ID", "BOARD", "TRANS", "POLICY", "ONLINE", "STATE", "DESIRED", "REPORTED");
    for (JsonNode d : a.path("devices")) {
      out.printf(
          row,
          text(d.path("id")),
          text(d.path("board")),
          text(d.path("transport")),
          text(d.path("policy")),
          d.path("online").asBoolean() ? "yes" : "no",
          text(d.path("state")),
          image(d.path("desired")),
          image(d.path("reported")));
    }
  }
}
