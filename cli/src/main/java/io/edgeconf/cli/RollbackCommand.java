package io.edgeconf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = "Take a policy back to its last-known-good (or a stored) version.")
final class RollbackCommand extends MgmtCommand {
  @Parameters(index = "0", paramLabel = "POLICY", description = "the policy name")
  String policy;

  @Option(names = "--version", paramLabel = "N", description = "a stored version instead")
  Long version;

  @Override
  String verb() {
    return "rollback";
  }

  @Override
  byte[] payload() {
    var body = ManagementClient.MAPPER.createObjectNode().put("policy", policy);
    if (version != null) {
      body.put("version", version);
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  void print(JsonNode a, PrintWriter out) {
    out.printf(
        "rolling %s back to v%s: rollout %s, %s device(s)%n",
        text(a.path("policy")),
        text(a.path("version")),
        text(a.path("rollout")),
        text(a.path("devices")));
  }
}
