package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = "Send a module to a gateway or a group and follow its rollout.")
final class DeployCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the device agent";
  }
}
