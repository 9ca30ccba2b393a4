package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = "Take a policy back to its last-known-good (or a stored) version.")
final class RollbackCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the device agent";
  }
}
