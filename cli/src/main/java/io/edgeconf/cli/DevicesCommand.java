package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description = "List a gateway's devices.")
final class DevicesCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the device agent";
  }
}
