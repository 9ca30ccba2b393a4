package io.edgeconf.cli;

import picocli.CommandLine.Command;

@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = "Compile a policy into a signed config module (and a C header).")
final class CompileCommand extends NotYetAvailable {
  @Override
  String arrivesWith() {
    return "arrives with the policy compiler";
  }
}
