package io.edgeconf.cli;

/** The exit statuses of every subcommand (docs/cli.md). */
public final class ExitCodes {
  public static final int DONE = 0;
  public static final int REFUSED = 1;
  public static final int USAGE = 2;
  public static final int CANNOT_RUN = 3;

  private ExitCodes() {}

  /**
   * Usage errors map to 2; any other exception that escaped a subcommand means it could not run.
   */
  static int forException(Throwable t) {
    return t instanceof picocli.CommandLine.ParameterException ? USAGE : CANNOT_RUN;
  }
}
