package io.edgeconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeconfCommandTest {
  private static final List<String> SUBCOMMANDS =
      List.of(
          "compile",
          "keygen",
          "sign",
          "inspect",
          "render",
          "agent",
          "sim",
          "deploy",
          "plan",
          "status",
          "devices",
          "history",
          "rollback",
          "demo");

  @Test
  void helpListsEverySubcommandOfTheCliContract() {
    var out = new StringWriter();
    var cmd = EdgeconfCommand.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    assertEquals(0, cmd.execute("--help"));
    for (String sub : SUBCOMMANDS) {
      assertTrue(out.toString().contains("  " + sub + " "), sub + " missing from:\n" + out);
    }
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    var cmd = EdgeconfCommand.newCommandLine();
    cmd.setErr(new PrintWriter(new StringWriter()));
    assertEquals(ExitCodes.USAGE, cmd.execute("frobnicate"));
  }
}
