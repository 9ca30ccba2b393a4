package io.edgeconf.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void mqttDefaultsAndValidation() {
    MqttSettings s = MqttSettings.builder("tcp://127.0.0.1:1883", "gw").build();
    assertEquals("ec/d", s.topicRoot());
    assertFalse(s.tls());
    assertTrue(MqttSettings.builder("ssl://h:8883", "gw").build().tls());
    MqttSettings mqtts = MqttSettings.builder("mqtts://h:8883", "gw").build();
    assertEquals("ssl://h:8883", mqtts.brokerUri(), "the scheme Paho connects with");
    assertTrue(mqtts.tls());
    assertEquals("tcp://h:1883", MqttSettings.builder("mqtt://h:1883", "gw").build().brokerUri());
    assertThrows(
        TransportConfigException.class, () -> MqttSettings.builder("http://x", "gw").build());
    assertThrows(
        TransportConfigException.class,
        () -> MqttSettings.builder("tcp://x:1", "gw").topicRoot("ec/+/d").build());
    assertThrows(
        TransportConfigException.class,
        () -> MqttSettings.builder("tcp://x:1", "gw").credentials(null, "secret").build());
    assertThrows(
        TransportConfigException.class,
        () ->
            MqttSettings.builder("tcp://x:1", "gw")
                .clientCertificate(Path.of("c.pem"), null)
                .build());
    assertThrows(
        TransportConfigException.class,
        () -> MqttSettings.builder("tcp://x:1", "gw").keepAlive(Duration.ZERO).build());
  }

  @Test
  void theMqttPasswordIsNotPrinted() {
    MqttSettings s =
        MqttSettings.builder("tcp://x:1", "gw").credentials("agent", "hunter2").build();
    assertFalse(s.toString().contains("hunter2"));
  }

  @Test
  void coapValidation() {
    CoapSettings s = CoapSettings.builder().build();
    assertEquals(5683, s.port());
    assertEquals(-1, s.dtlsPort());
    assertThrows(
        TransportConfigException.class, () -> CoapSettings.builder().dtls(5684, Map.of()).build());
    assertThrows(
        TransportConfigException.class, () -> CoapSettings.builder().bind("0.0.0.0", -1).build());
    CoapSettings d = CoapSettings.builder().dtls(0, Map.of("a", new byte[] {1})).build();
    assertFalse(d.toString().contains("[B"));
    assertEquals(1, d.psk("a").orElseThrow()[0]);
  }
}
