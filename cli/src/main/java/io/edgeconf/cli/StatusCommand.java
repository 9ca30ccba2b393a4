package io.edgeconf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a gateway's status: policies, running rollout, devices.")
final class StatusCommand extends MgmtCommand {
  @Override
  String verb() {
    return "status";
  }

  @Override
  void print(JsonNode a, PrintWriter out) {
    out.printf("gateway %s: %s%n", a.path("gateway").asText(), a.path("state").asText());
    out.printf("%-20s %-10s %-10s %-8s%n", "POLICY", "ACTIVE", "LKG", "PHASE");
    a.path("policies")
        .properties()
        .forEach(
            e ->
                out.printf(
                    "%-20s %-10s %-10s %-8s%n",
                    e.getKey(),
                    "v" + text(e.getValue().path("active").path("version")),
                    e.getValue().has("last_known_good")
                        ? "v" + text(e.getValue().path("last_known_good").path("version"))
                        : "-",
                    text(e.getValue().path("phase"))));
    JsonNode r = a.path("rollout");
    if (!r.isNull() && !r.isMissingNode()) {
      out.printf(
          "%s %s (%s), %s: %s/%s applied, %s confirmed, %s failed, %s offline%n",
          text(r.path("kind")),
          text(r.path("id")),
          text(r.path("policy")),
          text(r.path("phase")),
          text(r.path("applied")),
          text(r.path("total")),
          text(r.path("confirmed")),
          text(r.path("failed")),
          text(r.path("offline")));
    }
    JsonNode d = a.path("devices");
    out.printf(
        "devices: %s known, %s online, %s converged, %s unassigned%n",
        text(d.path("known")),
        text(d.path("online")),
        text(d.path("converged")),
        text(d.path("unassigned")));
  }
}
