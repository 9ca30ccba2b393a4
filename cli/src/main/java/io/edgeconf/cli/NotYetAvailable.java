package io.edgeconf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** Base of subcommands whose capability has not landed yet: says so and exits 2. */
abstract class NotYetAvailable implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Unmatched List<String> ignored;

  @Override
  public Integer call() {
    System.err.println("edgeconf " + spec.name() + ": not available yet (" + arrivesWith() + ")");
    return ExitCodes.USAGE;
  }

  /** Which capability brings this subcommand. */
  abstract String arrivesWith();
}
