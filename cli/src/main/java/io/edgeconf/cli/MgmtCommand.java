package io.edgeconf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.BrokerSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.eclipse.paho.mqttv5.common.MqttException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that ask one gateway a question over the management API and print the answer
 * as a table (or JSON with {@code --json}).
 */
abstract class MgmtCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--gateway", required = true, paramLabel = "ID", description = "the gateway")
  String gateway;

  @Mixin BrokerOptions broker;

  @Option(names = "--json", description = "print the answer as JSON")
  boolean json;

  /** The verb asked. */
  abstract String verb();

  /** The request payload. */
  byte[] payload() throws java.io.IOException {
    return "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Prints an accepted answer as a table. */
  abstract void print(JsonNode answer, PrintWriter out);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] body;
    try {
      body = payload();
    } catch (java.io.IOException e) {
      err.println("edgeconf " + spec.name() + ": cannot read " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    }
    BrokerSettings settings;
    try {
      settings = broker.settings();
    } catch (BrokerOptions.Unusable e) {
      err.println("edgeconf " + spec.name() + ": " + e.getMessage());
      return e.exitCode();
    }
    try (var client = ManagementClient.connect(settings)) {
      JsonNode answer = client.request(ManagementClient.gatewayTopic(gateway, verb()), body, 60);
      if (answer == null) {
        err.println("edgeconf " + spec.name() + ": gateway " + gateway + " did not answer");
        return ExitCodes.CANNOT_RUN;
      }
      if (json) {
        out.println(answer.toPrettyString());
      }
      if (!answer.path("ok").asBoolean()) {
        err.println("edgeconf " + spec.name() + ": refused: " + ManagementClient.error(answer));
        return ExitCodes.REFUSED;
      }
      if (!json) {
        print(answer, out);
      }
      return ExitCodes.DONE;
    } catch (MqttException e) {
      err.println("edgeconf " + spec.name() + ": " + broker.failure(e));
      return ExitCodes.CANNOT_RUN;
    }
  }

  static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? "-" : n.asText();
  }

  static String image(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode()
        ? "-"
        : "v" + n.path("version").asText() + "/" + n.path("crc").asText();
  }
}
