package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.transport.MqttSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulator's broker: a URL Paho can connect with, and the login and TLS files of a client. */
class SimulatorOptionsTest {
  private static final Path CA = Path.of("/etc/broker/ca.pem");
  private static final Path CERT = Path.of("/etc/broker/sim.pem");
  private static final Path KEY = Path.of("/etc/broker/sim.key");

  private static SimulatorOptions.Builder esp32() {
    return SimulatorOptions.builder().boards("esp32", 1);
  }

  @Test
  void mqttAndMqttsUrlsConnectAsTcpAndSsl() {
    var plain = esp32().broker("mqtt://127.0.0.1:1883");
    assertEquals("tcp://127.0.0.1:1883", plain.build().brokerUrl().orElseThrow());
    var tls = esp32().broker("mqtts://gw.example:8883");
    assertEquals("ssl://gw.example:8883", tls.build().brokerUrl().orElseThrow());
  }

  @Test
  void aPlainBrokerHasNoLogin() {
    BrokerAccess b = esp32().broker("tcp://127.0.0.1:1883").build().broker().orElseThrow();
    assertEquals(BrokerAccess.of("tcp://127.0.0.1:1883"), b);
    assertFalse(b.tls());
    MqttSettings s = b.settings("edgeconf-sim-sim-esp32-001");
    assertEquals(Optional.empty(), s.username());
    assertEquals(Optional.empty(), s.caFile());
  }

  @Test
  void eachBoardIsAClientWithTheLoginAndTlsFiles() {
    BrokerAccess b =
        esp32()
            .broker("mqtts://gw.example:8883")
            .brokerLogin("sim", "pa ss")
            .brokerCaFile(CA)
            .brokerClientCertificate(CERT, KEY)
            .build()
            .broker()
            .orElseThrow();
    assertTrue(b.tls());
    MqttSettings s = b.settings("edgeconf-sim-sim-esp32-001");
    assertEquals("ssl://gw.example:8883", s.brokerUri());
    assertEquals("edgeconf-sim-sim-esp32-001", s.clientId());
    assertEquals(Optional.of("sim"), s.username());
    assertEquals(Optional.of("pa ss"), s.password());
    assertEquals(Optional.of(CA), s.caFile());
    assertEquals(Optional.of(CERT), s.clientCertFile());
    assertEquals(Optional.of(KEY), s.clientKeyFile());
  }

  @Test
  void theSettingsOfAGatewayClientCarryOver() {
    MqttSettings client =
        MqttSettings.builder("mqtts://gw.example:8883", "ec-cli")
            .credentials("ops", "secret")
            .caFile(CA)
            .clientCertificate(CERT, KEY)
            .build();
    BrokerAccess b = BrokerAccess.of(client);
    assertEquals(
        new BrokerAccess(
            "ssl://gw.example:8883",
            Optional.of("ops"),
            Optional.of("secret"),
            Optional.of(CA),
            Optional.of(CERT),
            Optional.of(KEY)),
        b);
    assertEquals(b, esp32().broker(b).build().broker().orElseThrow());
  }

  @Test
  void thePasswordIsNeverShown() {
    var options = esp32().broker("ssl://gw.example:8883").brokerLogin("sim", "pa-ss-word").build();
    assertFalse(options.toString().contains("pa-ss-word"), options.toString());
    assertEquals(
        "ssl://gw.example:8883 as sim with a password", options.broker().orElseThrow().toString());
  }

  @Test
  void settingsThatDoNotGoTogetherAreRefusedNamingThem() {
    var tlsFilesInClear =
        assertThrows(
            IllegalArgumentException.class,
            () -> esp32().broker("tcp://gw.example:1883").brokerCaFile(CA).build());
    assertTrue(
        tlsFilesInClear.getMessage().contains("need an ssl:// or mqtts:// broker"),
        tlsFilesInClear.getMessage());
    var passwordAlone =
        assertThrows(
            IllegalArgumentException.class,
            () -> esp32().broker("ssl://gw.example:8883").brokerLogin(null, "pw").build());
    assertTrue(
        passwordAlone.getMessage().contains("a password needs a username"),
        passwordAlone.getMessage());
    var certAlone =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                esp32()
                    .broker("ssl://gw.example:8883")
                    .brokerClientCertificate(CERT, null)
                    .build());
    assertTrue(certAlone.getMessage().contains("clientKeyFile"), certAlone.getMessage());
    var loginWithoutBroker =
        assertThrows(
            IllegalArgumentException.class,
            () -> SimulatorOptions.builder().boards("nrf52840", 1).brokerLogin("u", "p").build());
    assertTrue(
        loginWithoutBroker.getMessage().contains("need a broker URL"),
        loginWithoutBroker.getMessage());
    var otherScheme =
        assertThrows(IllegalArgumentException.class, () -> esp32().broker("http://x:80").build());
    assertTrue(otherScheme.getMessage().contains("http://x:80"), otherScheme.getMessage());
  }
}
