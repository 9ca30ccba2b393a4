package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Show a module's metadata, fields, rules, sizes and signature.")
final class InspectCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the policy compiler";
  }
}
