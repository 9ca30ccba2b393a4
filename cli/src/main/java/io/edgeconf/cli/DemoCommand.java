package io.edgeconf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.BrokerSettings;
import io.edgeconf.agent.config.BrokerAuth;
import io.edgeconf.cli.demo.Demo;
import io.edgeconf.cli.demo.Management;
import java.io.Console;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgeconf demo}: a whole gateway on this machine, a rollout and a rollback (see {@link
 * Demo}). The demo talks to its gateway through this command's {@link ManagementClient}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a whole gateway on this machine: an embedded MQTT 5 broker, the agent and 10 simulated"
          + " boards (6 ESP32, 4 nRF52840), all on loopback. Deploys the greenhouse example (its"
          + " health window shortened to 2 s), then a version that crashes some boards and is"
          + " rolled back, and prints every board's version. Takes under a minute; leaves nothing"
          + " running."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "print events as JSON lines instead of text")
  boolean json;

  @Option(names = "--verbose", description = "also show the agent's and the boards' log lines")
  boolean verbose;

  @Override
  public Integer call() throws InterruptedException {
    if (!verbose) {
      // slf4j-simple reads this once, when the first logger is made: only the CLI process benefits.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    var demo =
        new Demo(
            spec.commandLine().getOut(),
            json,
            onTerminal(),
            (broker, gateway) ->
                new ClientAdapter(
                    ManagementClient.connect(BrokerSettings.external(broker, BrokerAuth.NONE)),
                    gateway));
    return demo.run();
  }

  /**
   * Whether standard output is a terminal. From JDK 22 {@code System.console()} is not null when
   * output is redirected either; {@code Console.isTerminal()} (JDK 22+) then tells.
   */
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only on a terminal
    }
  }

  /** The management client behind the demo's view of it. */
  private static final class ClientAdapter implements Management {
    private final ManagementClient client;
    private final String gateway;

    ClientAdapter(ManagementClient client, String gateway) throws Exception {
      this.client = client;
      this.gateway = gateway;
      try {
        client.followEvents(gateway);
      } catch (Exception e) {
        client.close();
        throw e;
      }
    }

    @Override
    public JsonNode request(String verb, byte[] payload, Duration timeout) throws Exception {
      return client.request(
          ManagementClient.gatewayTopic(gateway, verb), payload, timeout.toSeconds());
    }

    @Override
    public JsonNode nextEvent(Duration timeout) throws InterruptedException {
      return client.nextEvent(timeout.toMillis());
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
