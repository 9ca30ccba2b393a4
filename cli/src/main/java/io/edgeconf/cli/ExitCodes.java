package io.edgeconf.cli;

/** The exit statuses of every subcommand (docs/cli.md). */
public final class ExitCodes {
  public static final int DONE = 0;
  public static final int REFUSED = 1;
  public static final int USAGE = 2;
  public static final int CANNOT_RUN = 3;

  private ExitCodes() {}

  /** An exception that escaped a subcommand means it could not run; usage errors map to 2. */
  static int forException(Throwable t) {
    return CANNOT_RUN;
  }
}
