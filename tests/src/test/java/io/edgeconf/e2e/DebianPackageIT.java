package io.edgeconf.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.ConfigKeys;
import io.edgeconf.cli.EdgeconfCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package built by the cli module ({@code cli/target/edgeconf_VERSION_all.deb}): its
 * metadata and file list, its systemd unit, and an install into a scratch root whose agent is
 * started against the Mosquitto broker on 127.0.0.1:1883 and sent a signed module with {@code
 * edgeconf deploy}.
 */
class DebianPackageIT {
  private static final String BROKER = "tcp://127.0.0.1:1883";
  private static final String UNIT = "lib/systemd/system/edgeconf-agent.service";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Path deb;

  @BeforeAll
  static void findPackage() throws IOException {
    Path dir = Path.of(System.getProperty("edgeconf.deb.dir", "../cli/target"));
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found =
          s.filter(p -> p.getFileName().toString().matches("edgeconf_.+_all\\.deb")).toList();
      assertEquals(1, found.size(), "one package in " + dir + " (build the cli module): " + found);
      deb = found.get(0);
    }
  }

  @Test
  void metadataNamesTheDependenciesAndTheConffile() throws Exception {
    String version = deb.getFileName().toString().replaceAll("^edgeconf_(.+)_all\\.deb$", "$1");
    assertEquals("edgeconf", run("dpkg-deb", "-f", deb.toString(), "Package").strip());
    assertEquals(version, run("dpkg-deb", "-f", deb.toString(), "Version").strip());
    assertEquals("all", run("dpkg-deb", "-f", deb.toString(), "Architecture").strip());
    String depends = run("dpkg-deb", "-f", deb.toString(), "Depends");
    assertTrue(depends.contains("openjdk-21-jre-headless"), depends);
    assertTrue(depends.contains("adduser"), depends);
    assertEquals(
        "/etc/edgeconf/agent.conf", run("dpkg-deb", "-I", deb.toString(), "conffiles").strip());
  }

  @Test
  void fileListHoldsCommandLibrariesUnitConfigDirectoriesAndDocs() throws Exception {
    String list = run("dpkg-deb", "-c", deb.toString());
    assertTrue(
        list.matches("(?s).*-rwxr-xr-x \\S+ +\\d+ \\S+ \\S+ \\./usr/bin/edgeconf\n.*"), list);
    for (String path :
        List.of(
            "./usr/share/edgeconf/lib/edgeconf-cli.jar",
            "./usr/share/edgeconf/find-jdk",
            "./" + UNIT,
            "./etc/edgeconf/agent.conf",
            "./etc/edgeconf/trusted-keys/",
            "./var/lib/edgeconf/",
            "./usr/share/doc/edgeconf/install.md",
            "./usr/share/doc/edgeconf/cli.md")) {
      assertTrue(list.contains(" " + path + "\n"), path + " is in the package");
    }
    assertTrue(list.matches("(?s).*/usr/share/edgeconf/lib/picocli-[^/]+\\.jar\n.*"), "picocli");
    assertTrue(list.matches("(?s).*/usr/share/edgeconf/lib/slf4j-simple-[^/]+\\.jar\n.*"), "slf4j");
    assertFalse(list.contains("reload4j"), "one SLF4J provider only (slf4j-simple)");
  }

  @Test
  void conffileIsTheAgentsSampleAndParsesToTheDefaults(@TempDir Path root) throws Exception {
    run("dpkg-deb", "-x", deb.toString(), root.toString());
    Path conf = root.resolve("etc/edgeconf/agent.conf");
    String text = Files.readString(conf);
    for (String key : ConfigKeys.KEYS) {
      assertTrue(text.matches("(?sm).*^(# )?" + key + " =.*"), key + " is documented in " + conf);
    }
    var b = AgentConfig.builder();
    ConfigKeys.apply(conf, b);
    AgentConfig c = b.build();
    assertEquals(Path.of("/var/lib/edgeconf"), c.stateDir());
    assertEquals(Path.of("/var/lib/edgeconf/inbox"), c.inboxDir());
    assertEquals(Path.of("/etc/edgeconf/trusted-keys"), c.trustDir());
    assertEquals(BROKER, c.brokerUrl());
    assertTrue(c.embeddedBrokerPort().isEmpty() && c.pskFile().isEmpty() && !c.allowUnsigned());
  }

  @Test
  void systemdUnitVerifies(@TempDir Path root) throws Exception {
    assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
    run("dpkg-deb", "-x", deb.toString(), root.toString());
    var p =
        new ProcessBuilder("systemd-analyze", "verify", root.resolve(UNIT).toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    // This machine has no /usr/bin/edgeconf (the package is not installed); nothing else may fail.
    List<String> complaints =
        out.lines()
            .filter(l -> !l.isBlank())
            .filter(l -> !l.contains("Command /usr/bin/edgeconf is not executable"))
            .toList();
    assertEquals(List.of(), complaints, out);
    String unit = Files.readString(root.resolve(UNIT));
    for (String line :
        List.of(
            "User=edgeconf",
            "StateDirectory=edgeconf",
            "Restart=on-failure",
            "NoNewPrivileges=yes",
            "ProtectSystem=strict",
            "ProtectHome=yes",
            "PrivateTmp=yes")) {
      assertTrue(unit.contains("\n" + line + "\n"), line);
    }
  }

  @Test
  void installedAgentAcceptsASignedModuleFromDeploy(@TempDir Path tmp) throws Exception {
    assumeTrue(brokerUp(), "no MQTT broker on " + BROKER + " (sudo apt-get install mosquitto)");
    Path root = Files.createDirectories(tmp.resolve("root"));
    run("dpkg-deb", "-x", deb.toString(), root.toString());
    Path trust = Files.createDirectories(tmp.resolve("trusted-keys"));
    Path module = signedModule(tmp, trust);
    String gateway = "deb-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Process agent = startInstalledAgent(root, tmp, trust, gateway);
    try {
      awaitOnline(gateway, agent);
      CliRun deploy =
          cli(
              "deploy",
              module.toString(),
              "--gateway",
              gateway,
              "--broker",
              BROKER,
              "--no-wait",
              "--json");
      assertEquals(0, deploy.status(), deploy.toString());
      JsonNode answer = MAPPER.readTree(deploy.out().lines().findFirst().orElseThrow());
      assertTrue(answer.path("ok").asBoolean(), answer.toString());
      assertTrue(answer.path("signed").asBoolean(), answer.toString());
      assertEquals("greenhouse", answer.path("policy").asText());
      CliRun status = cli("status", "--gateway", gateway, "--broker", BROKER, "--json");
      assertEquals(0, status.status(), status.toString());
      JsonNode active = MAPPER.readTree(status.out()).path("policies").path("greenhouse");
      assertEquals(7, active.path("active").path("version").asInt(), status.out());
    } finally {
      agent.destroy();
      if (!agent.waitFor(20, TimeUnit.SECONDS)) {
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** keygen and compile --sign-key, as docs/install.md tells an operator to. */
  private static Path signedModule(Path tmp, Path trust) throws IOException {
    Path policy = tmp.resolve("greenhouse.policy");
    Files.copy(
        Path.of(System.getProperty("edgeconf.examples.dir", "../examples"), "greenhouse.policy"),
        policy);
    CliRun keygen = cli("keygen", tmp.resolve("ops").toString());
    assertEquals(0, keygen.status(), keygen.toString());
    Files.copy(tmp.resolve("ops.pub"), trust.resolve("ops.pub"));
    Path module = tmp.resolve("greenhouse.wasm");
    CliRun compile =
        cli(
            "compile",
            policy.toString(),
            "--sign-key",
            tmp.resolve("ops.key").toString(),
            "-o",
            module.toString());
    assertEquals(0, compile.status(), compile.toString());
    return module;
  }

  /** The installed agent, run as the unit would, from the scratch root's files. */
  private static Process startInstalledAgent(Path root, Path tmp, Path trust, String gateway)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = tmp.resolve("agent.log");
    return new ProcessBuilder(
            java,
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-cp",
            root.resolve("usr/share/edgeconf/lib") + "/*",
            "io.edgeconf.cli.EdgeconfCommand",
            "agent",
            "--config",
            root.resolve("etc/edgeconf/agent.conf").toString(),
            "--broker",
            BROKER,
            "--gateway",
            gateway,
            "--state-dir",
            Files.createDirectories(tmp.resolve("state")).toString(),
            "--trust-dir",
            trust.toString(),
            "--coap-port",
            "-1")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Waits for the agent's retained {@code online} = 1 (management-api.md). */
  private static void awaitOnline(String gateway, Process agent) throws Exception {
    var online = new AtomicReference<String>("");
    var client = new MqttAsyncClient(BROKER, "deb-it-" + gateway, new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            online.set(new String(message.getPayload(), StandardCharsets.UTF_8));
          }

          @Override
          public void disconnected(MqttDisconnectResponse response) {}

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    client.connect().waitForCompletion(10_000);
    try {
      client.subscribe(Topics.online(gateway), 1).waitForCompletion(10_000);
      await("the installed agent is online")
          .atMost(Duration.ofSeconds(60))
          .until(() -> online.get().equals("1") || !agent.isAlive());
      assertTrue(agent.isAlive(), () -> "the installed agent exited with " + agent.exitValue());
    } finally {
      client.disconnect().waitForCompletion(5_000);
      client.close();
    }
  }

  private static boolean brokerUp() {
    try (var s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", 1883), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean onPath(String command) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
  }

  private record CliRun(int status, String out, String err) {}

  private static CliRun cli(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = EdgeconfCommand.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int status = cmd.execute(args);
    return new CliRun(status, out.toString(), err.toString());
  }

  private static String run(String... command) throws IOException, InterruptedException {
    var p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
    assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
    return out;
  }
}
