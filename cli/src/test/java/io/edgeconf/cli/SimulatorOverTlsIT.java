package io.edgeconf.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorException;
import io.edgeconf.sim.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated ESP32 boards on a production-like broker (TLS only, a client certificate of the test
 * CA, a user name and password) with an agent on it: a board started with the broker's login and
 * TLS files joins, the agent learns it, and {@code edgeconf deploy} of the signed greenhouse module
 * reaches it. A wrong CA or password fails the start with the reason; {@code edgeconf sim} says so
 * on one line naming the option, as the management commands do.
 */
class SimulatorOverTlsIT {
  private static final String GATEWAY = "sim-tls-gw";

  @TempDir static Path shared;
  static TlsGateway gw;

  @BeforeAll
  static void startBrokerAndAgent() throws Exception {
    gw = TlsGateway.start(shared, GATEWAY);
  }

  @AfterAll
  static void stop() throws Exception {
    if (gw != null) {
      gw.close();
    }
  }

  /** One ESP32 board with the broker's login and TLS files, as an operator would give them. */
  private static SimulatorOptions.Builder oneBoard(String idPrefix) {
    return SimulatorOptions.builder()
        .broker(gw.mqttsUrl())
        .brokerLogin(TlsGateway.USER, TlsGateway.PASSWORD)
        .brokerCaFile(gw.pki.caCert)
        .brokerClientCertificate(gw.pki.clientCert, gw.pki.clientKey)
        .boards("esp32", 1)
        .idPrefix(idPrefix)
        .healthInterval(Duration.ofSeconds(1))
        .startTimeout(Duration.ofSeconds(120))
        .clearRetainedOnClose(true);
  }

  /**
   * {@code edgeconf sim} with the operator's broker options and {@code with} over them; it only
   * returns when it cannot run, so it runs on its own thread and a hang fails the wait.
   */
  private static CliRun sim(Map<String, String> with) {
    Map<String, String> options = gw.brokerOptions();
    options.putAll(with);
    var run =
        CompletableFuture.supplyAsync(
            () -> CliRun.of(List.of("sim", "--esp32", "1", "--id-prefix", "cli-sim"), options));
    await().atMost(Duration.ofMinutes(3)).until(run::isDone);
    return run.join();
  }

  private static void assertOneCleanLine(CliRun run) {
    assertEquals(ExitCodes.CANNOT_RUN, run.status(), run.toString());
    assertEquals(1, run.err().strip().lines().count(), run.toString());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    assertFalse(run.err().contains(TlsGateway.PASSWORD), "the password: " + run);
    assertEquals("", run.out(), run.toString());
  }

  @Test
  void aBoardJoinsTheTlsBrokerAndRunsTheModuleTheCommandLineDeploys() throws Exception {
    try (Simulator sim = Simulator.start(oneBoard("tls-sim").build())) {
      String id = sim.ids().get(0);
      await().atMost(Duration.ofSeconds(90)).until(() -> gw.knownDevices().contains(id));

      CliRun devices = CliRun.of(List.of("devices", "--gateway", GATEWAY), gw.brokerOptions());
      assertEquals(ExitCodes.DONE, devices.status(), devices.toString());
      assertTrue(devices.out().contains(id), devices.toString());

      CliRun deploy =
          CliRun.of(
              List.of("deploy", gw.module.toString(), "--gateway", GATEWAY, "--timeout", "300"),
              gw.brokerOptions());
      assertEquals(ExitCodes.DONE, deploy.status(), deploy.toString());
      assertTrue(deploy.out().contains("accepted greenhouse v7 (signed)"), deploy.toString());
      assertTrue(
          Pattern.compile(Pattern.quote(id) + " +applied v7/").matcher(deploy.out()).find(),
          deploy.toString());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> sim.board(id).orElseThrow().version() == 7);

      // The board and the simulator's control channel logged in over the TLS listener.
      for (String client : List.of("edgeconf-sim-" + Pattern.quote(id), "edgeconf-sim-ctl-\\w+")) {
        Pattern login =
            Pattern.compile(
                "New client connected from 127\\.0\\.0\\.1:\\d+ as "
                    + client
                    + " \\(p5, [^)]*u'"
                    + Pattern.quote(TlsGateway.USER)
                    + "'\\)");
        assertTrue(login.matcher(gw.broker.log()).find(), client + "\n" + gw.broker.log());
      }
    }
  }

  @Test
  void aWrongCaFailsTheStartWithTheReason() {
    var e =
        assertThrows(
            SimulatorException.class,
            () -> Simulator.start(oneBoard("rogue-sim").brokerCaFile(gw.rogue.caCert).build()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot connect to the broker at "
                    + gw.broker.url()
                    + ": TLS with the broker failed: its certificate is not signed by a trusted"
                    + " CA"),
        e.getMessage());
    assertInstanceOf(MqttException.class, e.getCause());
  }

  @Test
  void simWithAWrongCaSaysSoOnOneLineNamingTheOption() {
    CliRun run = sim(Map.of("--broker-ca-file", gw.rogue.caCert.toString()));
    assertOneCleanLine(run);
    assertTrue(
        run.err()
            .startsWith(
                "edgeconf sim: broker "
                    + gw.mqttsUrl()
                    + ": TLS with the broker failed: its certificate is not signed by a trusted"
                    + " CA"),
        run.toString());
    assertTrue(run.err().contains("--broker-ca-file " + gw.rogue.caCert), run.toString());
  }

  @Test
  void simWithAWrongPasswordSaysSoWithoutShowingIt() throws Exception {
    String wrong = "not-the-password";
    Path file = Files.writeString(shared.resolve("sim-wrong.pass"), wrong + "\n");
    CliRun run = sim(Map.of("--broker-password-file", file.toString()));
    assertOneCleanLine(run);
    assertTrue(
        run.err().startsWith("edgeconf sim: broker " + gw.mqttsUrl() + ": "), run.toString());
    assertTrue(run.err().contains("the broker refused the "), run.toString());
    assertTrue(run.err().contains("--broker-password-file"), run.toString());
    assertFalse(run.err().contains(wrong), run.toString());
  }
}
