package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = "Append or replace a module's signature.")
final class SignCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the policy compiler";
  }
}
