package io.edgeconf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "List a gateway's stored modules and past rollouts.")
final class HistoryCommand extends MgmtCommand {
  @Override
  String verb() {
    return "history";
  }

  @Override
  void print(JsonNode a, PrintWriter out) {
    out.println("MODULES");
    out.printf("%-16s %-8s %-16s %-8s %s%n", "POLICY", "VERSION", "SHA256", "SIZE", "SIGNER");
    for (JsonNode m : a.path("modules")) {
      out.printf(
          "%-16s %-8s %-16s %-8s %s%n",
          text(m.path("policy")),
          text(m.path("version")),
          text(m.path("sha256")).substring(0, Math.min(16, text(m.path("sha256")).length())),
          text(m.path("size")),
          text(m.path("signer")));
    }
    out.println();
    out.println("ROLLOUTS");
    out.printf(
        "%-22s %-14s %-9s %-8s %-12s %s%n",
        "ID", "POLICY", "KIND", "VERSION", "OUTCOME", "APPLIED/TOTAL (FAILED)");
    for (JsonNode r : a.path("rollouts")) {
      out.printf(
          "%-22s %-14s %-9s %-8s %-12s %s/%s (%s)%n",
          text(r.path("id")),
          text(r.path("policy")),
          text(r.path("kind")),
          text(r.path("version")),
          text(r.path("outcome")),
          text(r.path("applied")),
          text(r.path("total")),
          text(r.path("failed")));
    }
  }
}
