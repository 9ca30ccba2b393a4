package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "List a gateway's modules and rollouts.")
final class HistoryCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the device agent";
  }
}
