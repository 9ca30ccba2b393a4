package io.edgeconf.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker login and TLS keys, {@code coap-bind}, and the sample that documents every key. */
class ConfigKeysTest {
  @TempDir Path dir;

  private static AgentConfig config(Map<String, String> settings) {
    var b = AgentConfig.builder();
    settings.forEach((k, v) -> ConfigKeys.set(b, k, v));
    return b.build();
  }

  private static AgentException refused(Map<String, String> settings) {
    var e = assertThrows(AgentException.class, () -> config(settings));
    assertEquals(ErrorCode.MALFORMED, e.code());
    return e;
  }

  @Test
  void newKeysDefaultToNothingAndEmptyMeansTheDefault() {
    var d = AgentConfig.builder().build();
    assertEquals(BrokerAuth.NONE, d.brokerAuth());
    assertEquals(Optional.empty(), d.coapBind());
    var empty =
        config(
            Map.of(
                "broker-username", "",
                "broker-password-file", "",
                "broker-ca-file", "",
                "broker-cert-file", "",
                "broker-key-file", "",
                "coap-bind", ""));
    assertEquals(BrokerAuth.NONE, empty.brokerAuth());
    assertFalse(empty.brokerAuth().isSet());
    assertEquals(Optional.empty(), empty.coapBind());
  }

  @Test
  void brokerLoginAndTlsFilesAreRead() {
    var c =
        config(
            Map.of(
                "broker", "ssl://mqtt.example.net:8883",
                "broker-username", "gw-1",
                "broker-password-file", "/etc/edgeconf/broker.pass",
                "broker-ca-file", "/etc/edgeconf/ca.pem",
                "broker-cert-file", "/etc/edgeconf/gw.pem",
                "broker-key-file", "/etc/edgeconf/gw.key"));
    var a = c.brokerAuth();
    assertEquals(Optional.of("gw-1"), a.username());
    assertEquals(Optional.of(Path.of("/etc/edgeconf/broker.pass")), a.passwordFile());
    assertEquals(Optional.of(Path.of("/etc/edgeconf/ca.pem")), a.caFile());
    assertEquals(Optional.of(Path.of("/etc/edgeconf/gw.pem")), a.certFile());
    assertEquals(Optional.of(Path.of("/etc/edgeconf/gw.key")), a.keyFile());
    assertFalse(c.toString().contains("secret"));
  }

  @Test
  void aUserWithoutPasswordAndACaWithoutClientCertificateAreFine() {
    var c =
        config(
            Map.of(
                "broker", "ssl://h:8883",
                "broker-username", "gw",
                "broker-ca-file", "/ca.pem"));
    assertEquals(Optional.empty(), c.brokerAuth().passwordFile());
    assertEquals(Optional.empty(), c.brokerAuth().certFile());
    // A user alone on a plain broker (a local Mosquitto with a password file) is fine too.
    assertTrue(config(Map.of("broker-username", "gw")).brokerAuth().isSet());
  }

  @Test
  void aPasswordFileNeedsAUser() {
    var e = refused(Map.of("broker-password-file", "/etc/edgeconf/broker.pass"));
    assertTrue(e.getMessage().contains("broker-password-file"), e.getMessage());
    assertTrue(e.getMessage().contains("broker-username"), e.getMessage());
  }

  @Test
  void certificateAndKeyGoTogether() {
    var onlyCert =
        refused(Map.of("broker", "ssl://h:8883", "broker-cert-file", "/etc/edgeconf/gw.pem"));
    assertTrue(
        onlyCert.getMessage().contains("broker-cert-file is set but broker-key-file is not"),
        onlyCert.getMessage());
    var onlyKey =
        refused(Map.of("broker", "ssl://h:8883", "broker-key-file", "/etc/edgeconf/gw.key"));
    assertTrue(
        onlyKey.getMessage().contains("broker-key-file is set but broker-cert-file is not"),
        onlyKey.getMessage());
  }

  @Test
  void tlsFilesNeedAnSslBrokerUnlessTheBrokerIsEmbedded() {
    var e = refused(Map.of("broker", "tcp://h:1883", "broker-ca-file", "/ca.pem"));
    assertTrue(e.getMessage().contains("broker-ca-file"), e.getMessage());
    assertTrue(e.getMessage().contains("'tcp://h:1883'"), e.getMessage());
    // The embedded broker ignores broker and its TLS files alike.
    config(Map.of("broker", "tcp://h:1883", "broker-ca-file", "/ca.pem", "embedded-broker", "0"));
  }

  @Test
  void coapBindTakesAddressesAndHostNames() {
    for (String ok :
        new String[] {
          "127.0.0.1",
          "0.0.0.0",
          "192.168.4.1",
          "::",
          "::1",
          "fd00::2",
          "fd11:22::1:2",
          "::ffff:10.0.0.1",
          "gateway.local",
          "localhost",
          "wpan0-host",
          "gw.example.net."
        }) {
      assertEquals(Optional.of(ok), config(Map.of("coap-bind", ok)).coapBind(), ok);
    }
    assertEquals(Optional.of("fd00::2"), config(Map.of("coap-bind", "[fd00::2]")).coapBind());
  }

  @Test
  void coapBindRefusesWhatIsNeitherAnAddressNorAHostName() {
    Map<String, String> bad =
        Map.of(
            "256.1.1.1", "not an IPv4 address",
            "10.0.0", "not an IPv4 address",
            "10.0.0.1:5683", "without a port",
            "fd00::g", "not an IPv6 address",
            "[::1]:5683", "not an IPv6 address",
            "-gw", "not an IP address or a host name",
            "gw..local", "not an IP address or a host name",
            "gw_1", "not an IP address or a host name",
            "two words", "not an IP address or a host name",
            "fe80::1%no-such-if", "the zone of an interface of this machine");
    bad.forEach(
        (value, why) -> {
          var e = refused(Map.of("coap-bind", value));
          assertTrue(e.getMessage().contains("'coap-bind'"), e.getMessage());
          assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
          assertTrue(e.getMessage().contains(why), value + ": " + e.getMessage());
        });
    // The builder checks too, not only the key.
    assertThrows(AgentException.class, () -> AgentConfig.builder().coapBind("a b").build());
  }

  @Test
  void passwordFileLosesItsTrailingLineBreakOnly() throws IOException {
    Path f = dir.resolve("broker.pass");
    for (String[] c :
        new String[][] {
          {"s3cret\n", "s3cret"},
          {"s3cret\r\n", "s3cret"},
          {"s3cret", "s3cret"},
          {" pass word \n\n", " pass word "},
          {"pässwörd\n", "pässwörd"}
        }) {
      Files.writeString(f, c[0], StandardCharsets.UTF_8);
      var auth =
          config(Map.of("broker-username", "gw", "broker-password-file", f.toString()))
              .brokerAuth();
      assertEquals(Optional.of(c[1]), auth.readPassword(), c[0]);
    }
  }

  @Test
  void anUnreadableOrEmptyPasswordFileIsNamed() throws IOException {
    Path missing = dir.resolve("missing.pass");
    var auth =
        config(Map.of("broker-username", "gw", "broker-password-file", missing.toString()))
            .brokerAuth();
    var e = assertThrows(AgentException.class, auth::readPassword);
    assertEquals(ErrorCode.MALFORMED, e.code());
    assertTrue(e.getMessage().contains("broker-password-file " + missing), e.getMessage());
    assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());

    Path empty = Files.writeString(dir.resolve("empty.pass"), "\n");
    var emptyAuth =
        config(Map.of("broker-username", "gw", "broker-password-file", empty.toString()))
            .brokerAuth();
    var e2 = assertThrows(AgentException.class, emptyAuth::readPassword);
    assertTrue(e2.getMessage().contains("broker-password-file " + empty), e2.getMessage());
    assertTrue(e2.getMessage().contains("empty"), e2.getMessage());
  }

  @Test
  void theSampleDocumentsEveryKeyOnceAndParsesToTheDefaults() throws IOException {
    String sample;
    try (InputStream in = ConfigKeys.class.getResourceAsStream("agent.conf.sample")) {
      sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String key : ConfigKeys.KEYS) {
      var m = Pattern.compile("(?m)^" + Pattern.quote(key) + " =").matcher(sample);
      assertTrue(m.find(), key + " is in the sample");
      assertFalse(m.find(), key + " is in the sample once");
    }
    Path file = Files.writeString(dir.resolve("agent.conf"), sample);
    var b = AgentConfig.builder();
    ConfigKeys.apply(file, b);
    assertEquals(AgentConfig.builder().build(), b.build());
  }
}
