package io.edgeconf.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.ConfigKeys;
import io.edgeconf.agent.testing.Greenhouse;
import io.edgeconf.agent.testing.TestPki;
import io.edgeconf.agent.testing.TlsBroker;
import io.edgeconf.bridge.module.Ed25519Keys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
  private static final String USER = "ops-tls";
  private static final String PASSWORD = "op s3cret";
  private static final String GATEWAY = "cli-tls-gw";

  @TempDir static Path shared;
  static TestPki pki;
  static TestPki rogue;
  static TlsBroker broker;
  static Path passwordFile;
  static GatewayAgent agent;
  static Path module;

  @BeforeAll
  static void startBrokerAndAgent() throws Exception {
    pki = TestPki.create(shared.resolve("pki"), "edgeconf-test-ca");
    rogue = TestPki.create(shared.resolve("rogue"), "rogue-ca");
    broker = TlsBroker.start(shared.resolve("broker"), pki, USER, PASSWORD);
    passwordFile = Files.writeString(shared.resolve("broker.pass"), PASSWORD + "\n");
    var key = Ed25519Keys.generate();
    Greenhouse.trust(key, shared.resolve("trust"));
    module = Files.write(shared.resolve("greenhouse.wasm"), Greenhouse.module(key, 7));
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("gateway", GATEWAY);
    keys.put("state-dir", shared.resolve("state").toString());
    keys.put("trust-dir", shared.resolve("trust").toString());
    keys.put("coap-port", "-1");
    keys.put("broker", broker.url());
    keys.put("broker-username", USER);
    keys.put("broker-password-file", passwordFile.toString());
    keys.put("broker-ca-file", pki.caCert.toString());
    keys.put("broker-cert-file", pki.clientCert.toString());
    keys.put("broker-key-file", pki.clientKey.toString());
    var b = AgentConfig.builder();
    keys.forEach((k, v) -> ConfigKeys.set(b, k, v));
    agent = new GatewayAgent(b.build());
    agent.start();
    await().atMost(Duration.ofSeconds(90)).until(agent::connected);
  }

  @AfterAll
  static void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  /** What one command printed and its exit status. */
  private record Run(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  private static Run edgeconf(List<String> args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = EdgeconfCommand.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int status = cmd.execute(args.toArray(new String[0]));
    return new Run(status, out.toString(), err.toString());
  }

  /** The command with the broker options an operator's workstation uses; {@code with} overrides. */
  private static Run edgeconf(List<String> command, Map<String, String> with) {
    Map<String, String> options = new LinkedHashMap<>();
    // mqtts:// as an operator may write it: the same connection as ssl://.
    options.put("--broker", broker.url().replace("ssl://", "mqtts://"));
    options.put("--broker-username", USER);
    options.put("--broker-password-file", passwordFile.toString());
    options.put("--broker-ca-file", pki.caCert.toString());
    options.put("--broker-cert-file", pki.clientCert.toString());
    options.put("--broker-key-file", pki.clientKey.toString());
    options.putAll(with);
    List<String> args = new ArrayList<>(command);
    options.forEach(
        (k, v) -> {
          if (v != null) {
            args.add(k);
            args.add(v);
          }
        });
    return edgeconf(args);
  }

  private static void assertOneCleanLine(Run run) {
    assertEquals(1, run.err().strip().lines().count(), run.toString());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    assertFalse(run.err().contains(PASSWORD) || run.out().contains(PASSWORD), "the password");
  }

  @Test
  void statusDeployAndDevicesGetAnswersOverTls() throws Exception {
    Run status = edgeconf(List.of("status", "--gateway", GATEWAY), Map.of());
    assertEquals(ExitCodes.DONE, status.status(), status.toString());
    assertTrue(status.out().contains("gateway " + GATEWAY + ": "), status.toString());

    Run deploy =
        edgeconf(
            List.of("deploy", module.toString(), "--gateway", GATEWAY, "--timeout", "300"),
            Map.of());
    assertEquals(ExitCodes.DONE, deploy.status(), deploy.toString());
    assertTrue(deploy.out().contains("accepted greenhouse v7 (signed)"), deploy.toString());

    Run after = edgeconf(List.of("status", "--gateway", GATEWAY, "--json"), Map.of());
    assertEquals(ExitCodes.DONE, after.status(), after.toString());
    assertTrue(after.out().contains("\"greenhouse\""), after.toString());

    Run devices = edgeconf(List.of("devices", "--gateway", GATEWAY), Map.of());
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
    Run run =
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

    Run deploy =
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
    Run run =
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
    Run run = edgeconf(List.of("status", "--gateway", GATEWAY), noCert);
    assertEquals(ExitCodes.CANNOT_RUN, run.status(), run.toString());
    assertOneCleanLine(run);
    assertTrue(run.err().startsWith("edgeconf status: broker "), run.toString());
    assertTrue(run.err().contains("--broker-cert-file"), run.toString());
  }

  @Test
  void anUnusableKeyFileIsNamedBeforeAnyConnection() throws Exception {
    Path garbage = Files.writeString(shared.resolve("garbage.key"), "not a key\n");
    Run run =
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
