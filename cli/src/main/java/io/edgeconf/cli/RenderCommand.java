package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Run a module in the sandbox for one device.")
final class RenderCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the policy compiler";
  }
}
