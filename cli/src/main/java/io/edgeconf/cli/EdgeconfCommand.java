package io.edgeconf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code edgeconf} command: one subcommand per job (see docs/cli.md). */
@Command(
    name = "edgeconf",
    mixinStandardHelpOptions = true,
    versionProvider = EdgeconfVersion.class,
    description = "Safe configuration of microcontroller fleets through Raspberry Pi gateways.",
    subcommands = {
      CompileCommand.class,
      KeygenCommand.class,
      SignCommand.class,
      InspectCommand.class,
      RenderCommand.class,
      AgentCommand.class,
      SimCommand.class,
      DeployCommand.class,
      PlanCommand.class,
      StatusCommand.class,
      DevicesCommand.class,
      HistoryCommand.class,
      RollbackCommand.class,
      DemoCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:done",
      "1:the input was refused (compile error, rejected module, failed rollout)",
      "2:wrong usage",
      "3:could not run (no broker, I/O failure)"
    })
public final class EdgeconfCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line with EdgeConf's exit codes (usage errors are 2). */
  public static CommandLine newCommandLine() {
    return new CommandLine(new EdgeconfCommand())
        .setExitCodeExceptionMapper(ExitCodes::forException);
  }
}
