package io.edgeconf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.BrokerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.paho.mqttv5.common.MqttException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgeconf deploy}: sends a module to a gateway (or every gateway of a group) and, for one
 * gateway, follows the rollout's events (waves, confirmations, a threshold rollback) until it ends;
 * exits 0 when the rollout succeeded with no failed device, 1 when the module was refused, a device
 * failed or the rollout was rolled back.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = "Send a module to a gateway or a group and follow its rollout.")
final class DeployCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODULE", description = "the signed config module")
  Path module;

  static final class Target {
    @Option(names = "--gateway", paramLabel = "ID", description = "one gateway")
    String gateway;

    @Option(names = "--group", paramLabel = "G", description = "every gateway of a group")
    String group;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Mixin BrokerOptions broker;

  @Option(names = "--no-wait", description = "return once the module is accepted")
  boolean noWait;

  @Option(names = "--json", description = "print answers and events as JSON lines")
  boolean json;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "longest wait for the rollout (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(module);
    } catch (IOException e) {
      err.println("edgeconf deploy: cannot read " + module + ": " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    }
    BrokerSettings settings;
    try {
      settings = broker.settings();
    } catch (BrokerOptions.Unusable e) {
      err.println("edgeconf deploy: " + e.getMessage());
      return e.exitCode();
    }
    try (var client = ManagementClient.connect(settings)) {
      if (target.group != null) {
        return group(client, bytes, out, err);
      }
      client.followEvents(target.gateway);
      JsonNode answer =
          client.request(ManagementClient.gatewayTopic(target.gateway, "deploy"), bytes, 120);
      if (answer == null) {
        err.println("edgeconf deploy: gateway " + target.gateway + " did not answer");
        return ExitCodes.CANNOT_RUN;
      }
      print(answer, out);
      if (!answer.path("ok").asBoolean()) {
        err.println("edgeconf deploy: refused: " + ManagementClient.error(answer));
        return ExitCodes.REFUSED;
      }
      if (noWait) {
        return ExitCodes.DONE;
      }
      return follow(client, answer.path("rollout").asText(), out, err);
    } catch (MqttException e) {
      err.println("edgeconf deploy: " + broker.failure(e));
      return ExitCodes.CANNOT_RUN;
    }
  }

  private void print(JsonNode answer, PrintWriter out) {
    if (json) {
      out.println(answer);
    } else if (answer.path("ok").asBoolean()) {
      out.printf(
          "accepted %s v%s (%s): rollout %s to %s device(s)%n",
          answer.path("policy").asText(),
          answer.path("version").asText(),
          answer.path("signed").asBoolean() ? "signed" : "UNSIGNED",
          answer.path("rollout").asText(),
          answer.path("devices").asText());
    }
    out.flush();
  }

  private int follow(ManagementClient client, String rollout, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutSeconds * 1000;
    while (System.currentTimeMillis() < end) {
      JsonNode e = client.nextEvent(1000);
      if (e == null || !rollout.equals(e.path("rollout").asText())) {
        continue;
      }
      String type = e.path("event").asText();
      if (json) {
        out.println(e);
      } else {
        switch (type) {
          case "device_applied" ->
              out.printf(
                  "  %-24s applied v%s/%s%n",
                  e.path("device").asText(), e.path("version").asText(), e.path("crc").asText());
          case "device_confirmed" -> out.printf("  %-24s confirmed%n", e.path("device").asText());
          case "device_failed" ->
              out.printf(
                  "  %-24s FAILED %s %s%n",
                  e.path("device").asText(), e.path("cause").asText(), e.path("reason").asText(""));
          case "rollback_started" ->
              out.printf("ROLLING BACK: %s%n", e.path("causes").path(0).asText());
          case "rollout_completed" ->
              out.printf(
                  "rollout %s: %s (%s/%s applied, %s confirmed, %s failed, %s offline)%n",
                  rollout,
                  e.path("outcome").asText(),
                  e.path("applied").asText(),
                  e.path("total").asText(),
                  e.path("confirmed").asText(),
                  e.path("failed").asText(),
                  e.path("offline").asText());
          default -> {}
        }
      }
      out.flush();
      if (type.equals("rollout_completed")) {
        return e.path("outcome").asText().equals("succeeded") && e.path("failed").asInt() == 0
            ? ExitCodes.DONE
            : ExitCodes.REFUSED;
      }
    }
    err.println(
        "edgeconf deploy: rollout " + rollout + " did not end within " + timeoutSeconds + " s");
    return ExitCodes.REFUSED;
  }

  /** A group: every gateway answers on the same response topic; collect answers for a while. */
  private int group(ManagementClient client, byte[] bytes, PrintWriter out, PrintWriter err)
      throws MqttException, InterruptedException {
    client.send(ManagementClient.groupTopic(target.group, "deploy"), bytes);
    int answers = 0;
    int refused = 0;
    JsonNode a;
    while ((a = client.nextReply(answers == 0 ? 30_000 : 5_000)) != null) {
      answers++;
      print(a, out);
      if (!a.path("ok").asBoolean()) {
        refused++;
        err.println("edgeconf deploy: refused: " + ManagementClient.error(a));
      }
    }
    if (answers == 0) {
      err.println("edgeconf deploy: no gateway of group " + target.group + " answered");
      return ExitCodes.CANNOT_RUN;
    }
    out.printf("%d gateway(s) answered, %d refused%n", answers, refused);
    return refused == 0 ? ExitCodes.DONE : ExitCodes.REFUSED;
  }
}
