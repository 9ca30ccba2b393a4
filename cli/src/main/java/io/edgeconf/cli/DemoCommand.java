package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run a whole gateway on this machine: broker, agent, simulated boards, a rollout and a rollback.")
final class DemoCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the gateway packaging";
  }
}
