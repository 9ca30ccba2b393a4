package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = "Run simulated ESP32 and nRF52840 boards.")
final class SimCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the board simulator";
  }
}
