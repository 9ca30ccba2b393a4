package io.edgeconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.agent.testing.TestPki;
import io.edgeconf.agent.testing.TlsBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management commands against a production-like Mosquitto (TLS only, a client certificate of
 * the test CA required, a user name and password) with an agent on it, run as the operator runs
 * them: {@code edgeconf status}, {@code deploy} ... through picocli with the broker options. A
 * wrong CA or password fails with one clear line and exit status 3, without a stack trace or the
 * password.
 */
class ManagementOverTlsIT {
  private static final String USER = TlsGateway.USER;
  private static final String PASSWORD = TlsGateway.PASSWORD;
  private static final String GATEWAY = "cli-tls-gw";

  @TempDir static Path shared;
  static TlsGateway gw;
  static TestPki pki;
  static TestPki rogue;
  static TlsBroker broker;
  static Path passwordFile;
  static Path module;

  @BeforeAll
  static void startBrokerAndAgent() throws Exception {
    gw = TlsGateway.start(shared, GATEWAY);
    pki = gw.pki;
    rogue = gw.rogue;
    broker = gw.broker;
    passwordFile = gw.passwordFile;
    module = gw.module;
  }

  @AfterAll
  static void stop() throws Exception {
    if (gw != null) {
      gw.close();
    }
  }

  /** The command with the broker options an operator's workstation uses; {@code with} overrides. */
  private static CliRun edgeconf(List<String> command, Map<String, String> with) {
    Map<String, String> options = gw.brokerOptions();
    options.putAll(with);
    return CliRun.of(command, options);
  }

  private static void assertOneCleanLine(CliRun run) {
    assertEquals(1, run.err().strip().lines().count(), run.toString());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    assertFalse(run.err().contains(PASSWORD) || run.out().contains(PASSWORD), "the password");
  }

  @Test
  void statusDeployAndDevicesGetAnswersOverTls() throws Exception {
    CliRun status = edgeconf(List.of("status", "--gateway", GATEWAY), Map.of());
    assertEquals(ExitCodes.DONE, status.status(), status.toString());
    assertTrue(status.out().contains("gateway " + GATEWAY + ": "), status.toString());

    CliRun deploy =
        edgeconf(
            List.of("deploy", module.toString(), "--gateway", GATEWAY, "--timeout", "300"),
            Map.of());
    assertEquals(ExitCodes.DONE, deploy.status(), deploy.toString());
    assertTrue(deploy.out().contains("accepted greenhouse v7 (signed)"), deploy.toString());

    CliRun after = edgeconf(List.of("status", "--gateway", GATEWAY, "--json"), Map.of());
    assertEquals(ExitCodes.DONE, after.status(), after.toString());
    assertTrue(after.out().contains("\"greenhouse\""), after.toString());

    CliRun devices = edgeconf(List.of("devices", "--gateway", GATEWAY), Map.of());
    assertEquals(ExitCodes.DONE, devices.status(), devices.toString());

    // The command line logged in as the operator's user over the TLS listener.
    Pattern cli =
        Pattern.compile(
            "New client connected from 127\\.0\\.0\\.1:\\d+ as ec-cli-[0-9a-f-]+ \\(p5, [^)]*u'"
                + Pattern.quote(USER)
                + "'\\)");
    assertTrue(cli.matcher(broker.log()).find(), broker.log());
  }

  @Test
  void aWrongCaFailsWithOneLineNamingTheOption() {
    CliRun run =
        edgeconf(
            List.of("status", "--gateway", GATEWAY),
            Map.of("--broker-ca-file", rogue.caCert.toString()));
    assertEquals(ExitCodes.CANNOT_RUN, run.status(), run.toString());
    assertOneCleanLine(run);
    assertTrue(
        run.err()
            .startsWith(
                "edgeconf status: broker "
                    + broker.url().replace("ssl://", "mqtts://")
                    + ": TLS with the broker failed: its certificate is not signed by a trusted"
                    + " CA"),
        run.toString());
    assertTrue(run.err().contains("--broker-ca-file " + rogue.caCert), run.toString());
    assertEquals("", run.out(), run.toString());

    CliRun deploy =
        edgeconf(
            List.of("deploy", module.toString(), "--gateway", GATEWAY),
            Map.of("--broker-ca-file", rogue.caCert.toString()));
    assertEquals(ExitCodes.CANNOT_RUN, deploy.status(), deploy.toString());
    assertOneCleanLine(deploy);
    assertTrue(deploy.err().contains("not signed by a trusted CA"), deploy.toString());
  }

  @Test
  void aWrongPasswordFailsWithoutShowingIt() throws Exception {
    String wrong = "not-the-password";
    Path file = Files.writeString(shared.resolve("wrong.pass"), wrong + "\n");
    CliRun run =
        edgeconf(
            List.of("history", "--gateway", GATEWAY),
            Map.of("--broker-password-file", file.toString()));
    assertEquals(ExitCodes.CANNOT_RUN, run.status(), run.toString());
    assertOneCleanLine(run);
    // Mosquitto answers a wrong password with "not authorized" (0x87), others with 0x86.
    assertTrue(run.err().contains(": the broker refused the "), run.toString());
    assertTrue(run.err().contains("--broker-password-file"), run.toString());
    assertFalse(run.err().contains(wrong), run.toString());
  }

  @Test
  void withoutAClientCertificateTheBrokerRefusesAndTheLineSaysSo() {
    Map<String, String> noCert = new LinkedHashMap<>();
    noCert.put("--broker-cert-file", null);
    noCert.put("--broker-key-file", null);
    CliRun run = edgeconf(List.of("status", "--gateway", GATEWAY), noCert);
    assertEquals(ExitCodes.CANNOT_RUN, run.status(), run.toString());
    assertOneCleanLine(run);
    assertTrue(run.err().startsWith("edgeconf status: broker "), run.toString());
    assertTrue(run.err().contains("--broker-cert-file"), run.toString());
  }

  @Test
  void anUnusableKeyFileIsNamedBeforeAnyConnection() throws Exception {
    Path garbage = Files.writeString(shared.resolve("garbage.key"), "not a key\n");
    CliRun run =
        edgeconf(
            List.of("rollback", "greenhouse", "--gateway", GATEWAY),
            Map.of("--broker-key-file", garbage.toString()));
    assertEquals(ExitCodes.CANNOT_RUN, run.status(), run.toString());
    assertOneCleanLine(run);
    assertTrue(
        run.err().startsWith("edgeconf rollback: --broker-key-file: " + garbage + ": "),
        run.toString());
  }
}
