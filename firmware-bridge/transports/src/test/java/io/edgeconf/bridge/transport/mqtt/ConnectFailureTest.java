package io.edgeconf.bridge.transport.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/** One readable line per kind of failed connection (Paho hides TLS causes and login refusals). */
class ConnectFailureTest {
  @Test
  void tlsFailuresAreNamedWithTheirCause() {
    var untrusted =
        new MqttException(
            new SSLHandshakeException(
                "(certificate_unknown) PKIX path building failed: unable to find valid"
                    + " certification path to requested target"));
    assertEquals(
        "TLS with the broker failed: its certificate is not signed by a trusted CA ((certificate_unknown)"
            + " PKIX path building failed: unable to find valid certification path to requested"
            + " target)",
        ConnectFailure.describe(untrusted));
    var wrongHost =
        new MqttException(
            new SSLHandshakeException("No subject alternative names matching IP address 10.0.0.9"));
    assertEquals(
        "TLS with the broker failed: its certificate does not name the host (No subject"
            + " alternative names matching IP address 10.0.0.9)",
        ConnectFailure.describe(wrongHost));
    assertEquals(
        "TLS with the broker failed: Received fatal alert: bad_certificate",
        ConnectFailure.describe(
            new MqttException(new SSLHandshakeException("Received fatal alert: bad_certificate"))));
  }

  @Test
  void refusedLoginsAreNamed() {
    assertEquals(
        "the broker refused the user name or password (MQTT reason 0x86)",
        ConnectFailure.describe(new MqttException(0x86)));
    assertEquals(
        "the broker refused the login: not authorized (MQTT reason 0x87)",
        ConnectFailure.describe(new MqttException(0x87)));
  }

  @Test
  void otherFailuresShowTheRootCause() {
    var refused = new MqttException(new ConnectException("Connection refused"));
    String d = ConnectFailure.describe(refused);
    assertEquals(refused.getMessage() + " (java.net.ConnectException: Connection refused)", d);
  }
}
