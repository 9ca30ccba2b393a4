package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = "Write an Ed25519 key pair for signing modules.")
final class KeygenCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the policy compiler";
  }
}
