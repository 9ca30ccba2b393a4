package io.edgeconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.transport.MqttSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The broker options shared by the management commands: parsing, checks and their messages. */
class BrokerOptionsTest {
  private static final List<String> MANAGEMENT =
      List.of("deploy", "plan", "status", "devices", "history", "rollback");
  private static final List<String> OPTIONS =
      List.of(
          "--broker",
          "--broker-username",
          "--broker-password-file",
          "--broker-ca-file",
          "--broker-cert-file",
          "--broker-key-file");

  @TempDir Path dir;

  /** The options as {@code status} parses them. */
  private static BrokerOptions parse(String... args) {
    var status = new StatusCommand();
    List<String> all = new ArrayList<>(List.of("--gateway", "gw"));
    all.addAll(List.of(args));
    new CommandLine(status).parseArgs(all.toArray(new String[0]));
    return status.broker;
  }

  private static MqttSettings client(BrokerOptions options) throws BrokerOptions.Unusable {
    return options.settings().forClient("test-client").build();
  }

  private static BrokerOptions.Unusable refused(BrokerOptions options) {
    return assertThrows(BrokerOptions.Unusable.class, options::settings);
  }

  @Test
  void everyManagementCommandHasTheBrokerOptions() {
    var root = EdgeconfCommand.newCommandLine();
    for (String command : MANAGEMENT) {
      var spec = root.getSubcommands().get(command).getCommandSpec();
      for (String option : OPTIONS) {
        assertTrue(spec.findOption(option) != null, command + " lacks " + option);
      }
    }
  }

  @Test
  void theCompletionScriptOffersThem() {
    var out = new StringWriter();
    var cmd = EdgeconfCommand.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    assertEquals(0, cmd.execute("completion"));
    for (String option : OPTIONS) {
      assertTrue(out.toString().contains(option), option);
    }
  }

  @Test
  void withoutOptionsTheLocalBrokerInClearAndNoLogin() throws Exception {
    MqttSettings s = client(parse());
    assertEquals("tcp://127.0.0.1:1883", s.brokerUri());
    assertFalse(s.tls());
    assertEquals(Optional.empty(), s.username());
    assertEquals(Optional.empty(), s.password());
  }

  @Test
  void mqttAndMqttsUrlsAreTcpAndSsl() throws Exception {
    assertEquals("tcp://broker:1883", client(parse("--broker", "mqtt://broker:1883")).brokerUri());
    MqttSettings tls = client(parse("--broker", "mqtts://broker:8883"));
    assertEquals("ssl://broker:8883", tls.brokerUri());
    assertTrue(tls.tls());
  }

  @Test
  void theLoginComesFromTheUserAndThePasswordFile() throws Exception {
    Path pass = Files.writeString(dir.resolve("pass"), "pa ss\n");
    MqttSettings s =
        client(parse("--broker-username", "ops", "--broker-password-file", pass.toString()));
    assertEquals(Optional.of("ops"), s.username());
    assertEquals(Optional.of("pa ss"), s.password());
    assertFalse(s.toString().contains("pa ss"), s.toString());
  }

  @Test
  void aPasswordWithoutAUserIsAUsageErrorNamingBothOptions() throws IOException {
    Path pass = Files.writeString(dir.resolve("pass"), "secret\n");
    var e = refused(parse("--broker-password-file", pass.toString()));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertEquals(
        "--broker-password-file is set but --broker-username is not: a password needs a user",
        e.getMessage());
  }

  @Test
  void aCertificateAndItsKeyGoTogether() {
    var onlyCert = refused(parse("--broker", "ssl://b:8883", "--broker-cert-file", "c.pem"));
    assertEquals(ExitCodes.USAGE, onlyCert.exitCode());
    assertTrue(
        onlyCert.getMessage().startsWith("--broker-cert-file is set but --broker-key-file is not"),
        onlyCert.getMessage());
    var onlyKey = refused(parse("--broker", "ssl://b:8883", "--broker-key-file", "k.pem"));
    assertEquals(ExitCodes.USAGE, onlyKey.exitCode());
    assertTrue(
        onlyKey.getMessage().startsWith("--broker-key-file is set but --broker-cert-file is not"),
        onlyKey.getMessage());
  }

  @Test
  void tlsFilesNeedATlsBroker() {
    var e = refused(parse("--broker-ca-file", "ca.pem"));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().startsWith("--broker-ca-file, --broker-cert-file"), e.getMessage());
    assertTrue(e.getMessage().endsWith("but --broker is 'tcp://127.0.0.1:1883'"), e.getMessage());
  }

  @Test
  void aUrlOfAnotherSchemeIsAUsageError() {
    var e = refused(parse("--broker", "http://b:80"));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertTrue(e.getMessage().startsWith("--broker 'http://b:80' must be"), e.getMessage());
  }

  @Test
  void aPasswordFileThatCannotBeReadOrIsEmptyIsNamed() throws IOException {
    Path missing = dir.resolve("missing.pass");
    var e = refused(parse("--broker-username", "u", "--broker-password-file", missing.toString()));
    assertEquals(ExitCodes.CANNOT_RUN, e.exitCode());
    assertTrue(
        e.getMessage().startsWith("--broker-password-file " + missing + " cannot be read"),
        e.getMessage());
    Path empty = Files.writeString(dir.resolve("empty.pass"), "\n");
    var e2 = refused(parse("--broker-username", "u", "--broker-password-file", empty.toString()));
    assertEquals(ExitCodes.CANNOT_RUN, e2.exitCode());
    assertTrue(
        e2.getMessage().startsWith("--broker-password-file " + empty + " holds no password"),
        e2.getMessage());
  }

  @Test
  void tlsFilesThatCannotBeUsedAreNamedWithTheirOption() throws IOException {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    var ca = refused(parse("--broker", "mqtts://b:8883", "--broker-ca-file", garbage.toString()));
    assertEquals(ExitCodes.CANNOT_RUN, ca.exitCode());
    assertTrue(ca.getMessage().startsWith("--broker-ca-file: " + garbage), ca.getMessage());
    Path missing = dir.resolve("missing.pem");
    var cert =
        refused(
            parse(
                "--broker",
                "ssl://b:8883",
                "--broker-cert-file",
                missing.toString(),
                "--broker-key-file",
                garbage.toString()));
    assertEquals(ExitCodes.CANNOT_RUN, cert.exitCode());
    assertTrue(
        cert.getMessage().startsWith("--broker-cert-file: cannot read " + missing),
        cert.getMessage());
  }

  @Test
  void fileNamesThatLookLikeSettingsAreLeftAlone() {
    assertEquals(
        "--broker-ca-file: /etc/broker-ca-file.pem: no certificate in it",
        BrokerOptions.asOptions("broker-ca-file: /etc/broker-ca-file.pem: no certificate in it"));
  }

  @Test
  void aCommandWithUnusableOptionsSaysWhyOnOneLineAndConnectsNowhere() throws IOException {
    Path pass = Files.writeString(dir.resolve("pass"), "s3cret-value\n");
    for (String command : MANAGEMENT) {
      List<String> args = new ArrayList<>(List.of(command));
      if (command.equals("deploy") || command.equals("plan")) {
        args.add(Files.write(dir.resolve("m.wasm"), new byte[] {0, 'a', 's', 'm'}).toString());
      }
      if (command.equals("rollback")) {
        args.add("greenhouse");
      }
      args.addAll(
          List.of("--gateway", "gw", "--broker-password-file", pass.toString(), "--broker", "x"));
      var err = new StringWriter();
      var cmd = EdgeconfCommand.newCommandLine();
      cmd.setErr(new PrintWriter(err));
      cmd.setOut(new PrintWriter(new StringWriter()));
      assertEquals(ExitCodes.USAGE, cmd.execute(args.toArray(new String[0])), command + ": " + err);
      assertEquals(
          "edgeconf "
              + command
              + ": --broker-password-file is set but --broker-username is not: a password needs a"
              + " user",
          err.toString().strip());
    }
  }
}
