package io.edgeconf.agent.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.api.Topics;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.ConfigKeys;
import io.edgeconf.agent.testing.LogCapture;
import io.edgeconf.agent.testing.MqttRequester;
import io.edgeconf.agent.testing.TestPki;
import io.edgeconf.agent.testing.TlsBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a production-like Mosquitto: TLS only, a client certificate of the test CA
 * required, and a user name and password. Both of the agent's MQTT clients (management API and
 * board transport) connect with the broker-* keys; a wrong CA or password leaves the agent running,
 * logging why and retrying; unusable files stop the start with the key and file named.
 */
class BrokerTlsIT {
  private static final Duration LONG = Duration.ofSeconds(90);
  private static final String USER = "gw-tls";
  private static final String PASSWORD = "s3cret pass";

  @TempDir static Path shared;
  static TestPki pki;
  static TestPki rogue;
  static TlsBroker broker;
  static Path passwordFile;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    pki = TestPki.create(shared.resolve("pki"), "edgeconf-test-ca");
    rogue = TestPki.create(shared.resolve("rogue"), "rogue-ca");
    broker = TlsBroker.start(shared.resolve("broker"), pki, USER, PASSWORD);
    passwordFile = Files.writeString(shared.resolve("broker.pass"), PASSWORD + "\n");
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  /** The config of a gateway on the TLS broker, through the config keys; {@code keys} override. */
  private AgentConfig config(String gateway, Map<String, String> keys) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("gateway", gateway);
    all.put("state-dir", dir.resolve("state").toString());
    all.put("trust-dir", dir.resolve("trust").toString());
    all.put("coap-port", "-1");
    all.put("broker", broker.url());
    all.put("broker-username", USER);
    all.put("broker-password-file", passwordFile.toString());
    all.put("broker-ca-file", pki.caCert.toString());
    all.put("broker-cert-file", pki.clientCert.toString());
    all.put("broker-key-file", pki.clientKey.toString());
    all.putAll(keys);
    var b = AgentConfig.builder();
    all.forEach((k, v) -> ConfigKeys.set(b, k, v));
    return b.build();
  }

  private static MqttConnectionOptions tls(MqttConnectionOptions o) {
    try {
      o.setSocketFactory(pki.clientSocketFactory());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    o.setHttpsHostnameVerificationEnabled(true);
    o.setUserName(USER);
    o.setPassword(PASSWORD.getBytes(StandardCharsets.UTF_8));
    return o;
  }

  @Test
  void bothClientsConnectAnswerStatusAndLearnABoard() throws Exception {
    String gw = "tls-gw";
    String board = "tls-esp32-001";
    try (var agent = new GatewayAgent(config(gw, Map.of()))) {
      agent.start();
      await().atMost(LONG).until(agent::connected);
      try (var client = new MqttRequester(broker.url(), gw, BrokerTlsIT::tls)) {
        JsonNode status = client.request(Topics.command(gw, "status"), "{}".getBytes());
        assertTrue(status.path("ok").asBoolean(), status.toString());
        assertEquals("idle", status.path("state").asText(), status.toString());

        // An ESP32 on the same broker (the simulator has no TLS: a raw Paho client speaks for it).
        var esp32 = new MqttClient(broker.url(), board, new MemoryPersistence());
        esp32.connect(tls(new MqttConnectionOptions()));
        try {
          esp32.publish(
              "ec/d/" + board + "/hello",
              "{\"board\":\"esp32\",\"fw\":\"1.0.0\",\"zone\":\"north\"}".getBytes(),
              1,
              true);
          esp32.publish("ec/d/" + board + "/online", "1".getBytes(), 1, true);
          await()
              .atMost(LONG)
              .until(
                  () -> device(client, gw, board), d -> d != null && d.path("online").asBoolean());
          JsonNode d = device(client, gw, board);
          assertEquals("mqtt", d.path("transport").asText(), d.toString());
          assertEquals("esp32", d.path("board").asText(), d.toString());
        } finally {
          // Retained messages would outlive the test on a shared broker; this one is private.
          esp32.disconnect();
          esp32.close();
        }
      }
      // Both of the agent's clients logged in as the configured user over the TLS listener.
      String log = broker.log();
      assertTrue(connectedAs(log, "ec-agent-" + gw, USER), log);
      assertTrue(connectedAs(log, "ec-gw-" + gw + "-boards", USER), log);
    }
  }

  @Test
  void aWrongCaIsLoggedAndRetriedWithoutStoppingTheAgent() throws Exception {
    String gw = "tls-rogue";
    var config = config(gw, Map.of("broker-ca-file", rogue.caCert.toString()));
    try (var logs = new LogCapture();
        var agent = new GatewayAgent(config)) {
      int before = count(broker.log(), "New connection from 127.0.0.1");
      agent.start(); // returns: the broker may come right later
      assertFalse(agent.connected());
      String boardFailure =
          "cannot connect to broker " + broker.url() + ": TLS with the broker failed";
      String apiFailure =
          "management API: cannot connect to broker "
              + broker.url()
              + ": TLS with the broker failed";
      await()
          .atMost(LONG)
          .until(
              () ->
                  logs.lines().stream().filter(l -> l.contains(boardFailure)).count() >= 2
                      && logs.lines().stream().anyMatch(l -> l.contains(apiFailure)));
      for (String line : logs.lines()) {
        if (line.contains("TLS with the broker failed")) {
          assertTrue(line.contains("PKIX path building failed"), line);
        }
      }
      // Still retrying: more connections reach the broker, each refused in the handshake.
      await()
          .atMost(LONG)
          .until(() -> count(broker.log(), "New connection from 127.0.0.1") >= before + 6);
      assertFalse(agent.connected());
      // The agent itself is fine: its router answers in process.
      var status = agent.router().handle("status", "{}".getBytes(), "test");
      assertTrue(status.path("ok").asBoolean(), status.toString());
    }
  }

  @Test
  void aWrongPasswordIsLoggedAndRetried() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong.pass"), "not-the-password\n");
    var config = config("tls-wrongpw", Map.of("broker-password-file", wrong.toString()));
    try (var logs = new LogCapture();
        var agent = new GatewayAgent(config)) {
      agent.start();
      String refused = "cannot connect to broker " + broker.url() + ": the broker refused";
      await()
          .atMost(LONG)
          .until(
              () ->
                  logs.lines().stream().filter(l -> l.contains(refused)).count() >= 3
                      && logs.lines().stream()
                          .anyMatch(l -> l.contains("management API") && l.contains(refused)));
      assertFalse(agent.connected());
      assertFalse(
          logs.lines().stream().anyMatch(l -> l.contains("not-the-password")),
          "the password is never logged");
    }
  }

  @Test
  void unusableFilesStopTheStartNamingKeyAndFile() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key\n");
    var badKey = config("tls-bad", Map.of("broker-key-file", garbage.toString()));
    try (var agent = new GatewayAgent(badKey)) {
      var e = assertThrows(AgentException.class, agent::start);
      assertEquals(ErrorCode.MALFORMED, e.code());
      assertTrue(e.getMessage().contains("broker-key-file"), e.getMessage());
      assertTrue(e.getMessage().contains(garbage.toString()), e.getMessage());
    }
    Path missing = dir.resolve("missing-ca.pem");
    try (var agent = new GatewayAgent(config("tls-bad", Map.of("broker-ca-file", missing + "")))) {
      var e = assertThrows(AgentException.class, agent::start);
      assertTrue(e.getMessage().contains("broker-ca-file"), e.getMessage());
      assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
    Path noPassword = dir.resolve("missing.pass");
    try (var agent =
        new GatewayAgent(config("tls-bad", Map.of("broker-password-file", noPassword + "")))) {
      var e = assertThrows(AgentException.class, agent::start);
      assertTrue(e.getMessage().contains("broker-password-file " + noPassword), e.getMessage());
    }
  }

  private static JsonNode device(MqttRequester client, String gw, String id) throws Exception {
    for (JsonNode d :
        client.request(Topics.command(gw, "devices"), "{}".getBytes()).path("devices")) {
      if (d.path("id").asText().equals(id)) {
        return d;
      }
    }
    return null;
  }

  private static boolean connectedAs(String log, String clientId, String user) {
    return Pattern.compile(
            "New client connected from 127\\.0\\.0\\.1:\\d+ as "
                + Pattern.quote(clientId)
                + " \\(p5, [^)]*u'"
                + Pattern.quote(user)
                + "'\\)")
        .matcher(log)
        .find();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
