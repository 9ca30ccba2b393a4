package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show what a module would change on each device, field by field.")
final class PlanCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the device agent";
  }
}
