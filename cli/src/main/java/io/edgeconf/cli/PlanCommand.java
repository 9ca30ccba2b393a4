package io.edgeconf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show what deploying a module would change on each device, field by field.")
final class PlanCommand extends MgmtCommand {
  @Parameters(index = "0", paramLabel = "MODULE", description = "the config module")
  Path module;

  @Override
  String verb() {
    return "plan";
  }

  @Override
  byte[] payload() throws IOException {
    return Files.readAllBytes(module);
  }

  @Override
  void print(JsonNode a, PrintWriter out) {
    out.printf(
        "policy %s v%s (%s)%n",
        text(a.path("policy")),
        text(a.path("version")),
        a.path("signed").asBoolean() ? "signed" : "UNSIGNED");
    if (a.path("devices").isEmpty()) {
      out.println("no device is served by this policy");
    }
    for (JsonNode d : a.path("devices")) {
      out.printf(
          "%s: %s %s -> %s%n",
          text(d.path("id")), text(d.path("change")), image(d.path("from")), image(d.path("to")));
      for (JsonNode f : d.path("fields")) {
        out.printf("    %-20s %s -> %s%n", text(f.path("field")), f.path("from"), f.path("to"));
      }
    }
    JsonNode r = a.path("rollout");
    if (!r.isMissingNode()) {
      out.printf(
          "waves (canary %s%%, max_failures %s%%, health window %s ms, batch %s):%n",
          text(r.path("canary_pct")),
          text(r.path("max_failures_pct")),
          text(r.path("health_window_ms")),
          text(r.path("batch")));
      for (JsonNode w : r.path("waves")) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        w.path("devices").forEach(d -> ids.add(d.asText()));
        out.printf(
            "  %-8s %s%s%n",
            text(w.path("wave")),
            String.join(", ", ids),
            w.path("offline").asInt() > 0 ? " (" + w.path("offline").asInt() + " offline)" : "");
      }
    }
  }
}
