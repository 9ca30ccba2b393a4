package io.edgeconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edgeconf sim} takes the broker options of the management commands (one definition), and
 * options that cannot be used stop it with one line before any connection.
 */
class SimCommandTest {
  @TempDir Path dir;

  private static CliRun sim(String... args) {
    List<String> all = new ArrayList<>(List.of("sim", "--esp32", "1"));
    all.addAll(List.of(args));
    return CliRun.of(all);
  }

  @Test
  void simHasTheBrokerOptions() {
    var spec = EdgeconfCommand.newCommandLine().getSubcommands().get("sim").getCommandSpec();
    for (String option :
        List.of(
            "--broker",
            "--broker-username",
            "--broker-password-file",
            "--broker-ca-file",
            "--broker-cert-file",
            "--broker-key-file")) {
      assertNotNull(spec.findOption(option), option);
    }
    assertEquals("tcp://127.0.0.1:1883", spec.findOption("--broker").defaultValue());
  }

  @Test
  void aPasswordWithoutAUserIsAUsageError() throws IOException {
    Path pass = Files.writeString(dir.resolve("pass"), "s3cret-value\n");
    CliRun run = sim("--broker-password-file", pass.toString());
    assertEquals(ExitCodes.USAGE, run.status(), run.toString());
    assertEquals(
        "edgeconf sim: --broker-password-file is set but --broker-username is not: a password"
            + " needs a user",
        run.err().strip());
  }

  @Test
  void tlsFilesWithABrokerInClearAreAUsageError() {
    CliRun run = sim("--broker", "mqtt://127.0.0.1:1", "--broker-ca-file", "ca.pem");
    assertEquals(ExitCodes.USAGE, run.status(), run.toString());
    assertEquals(1, run.err().strip().lines().count(), run.toString());
    assertTrue(run.err().startsWith("edgeconf sim: --broker-ca-file"), run.toString());
  }

  @Test
  void anUnusableCaFileIsNamedWithItsOption() throws IOException {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    CliRun run = sim("--broker", "mqtts://127.0.0.1:1", "--broker-ca-file", garbage.toString());
    assertEquals(ExitCodes.CANNOT_RUN, run.status(), run.toString());
    assertEquals(1, run.err().strip().lines().count(), run.toString());
    assertTrue(
        run.err().startsWith("edgeconf sim: --broker-ca-file: " + garbage + ": "), run.toString());
  }
}
