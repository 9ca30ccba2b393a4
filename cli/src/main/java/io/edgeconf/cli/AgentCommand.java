package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(name = "agent", mixinStandardHelpOptions = true, description = "Run the gateway agent.")
final class AgentCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the device agent";
  }
}
