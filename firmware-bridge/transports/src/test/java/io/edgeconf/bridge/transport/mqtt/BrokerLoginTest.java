package io.edgeconf.bridge.transport.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.transport.MqttSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;

/** The login and a socket factory made once go on the options of every client that shares it. */
class BrokerLoginTest {
  private static final Path NOWHERE = Path.of("/nonexistent/ca.pem");

  @Test
  void aSharedFactoryIsUsedAsGivenWithoutReadingTheFiles() throws Exception {
    // The CA file does not exist: apply must not read it when given a factory.
    MqttSettings s =
        MqttSettings.builder("mqtts://broker:8883", "board-1")
            .credentials("sim", "pw")
            .caFile(NOWHERE)
            .build();
    SSLSocketFactory shared = SSLContext.getDefault().getSocketFactory();
    var first = new MqttConnectionOptions();
    var second = new MqttConnectionOptions();
    BrokerLogin.apply(s, shared, first);
    BrokerLogin.apply(s, shared, second);
    assertSame(shared, first.getSocketFactory());
    assertSame(shared, second.getSocketFactory());
    assertTrue(first.isHttpsHostnameVerificationEnabled());
    assertEquals("sim", first.getUserName());
    assertArrayEquals("pw".getBytes(StandardCharsets.UTF_8), first.getPassword());
  }

  @Test
  void aPlainBrokerKeepsItsSocketFactory() {
    MqttSettings s = MqttSettings.builder("tcp://broker:1883", "board-1").build();
    var options = new MqttConnectionOptions();
    BrokerLogin.apply(s, null, options);
    assertNull(options.getSocketFactory());
    assertNull(options.getUserName());
  }

  @Test
  void aTlsBrokerWithoutAFactoryIsAProgrammingError() {
    MqttSettings s = MqttSettings.builder("ssl://broker:8883", "board-1").build();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BrokerLogin.apply(s, null, new MqttConnectionOptions()));
    assertTrue(e.getMessage().contains("ssl://broker:8883"), e.getMessage());
  }

  @Test
  void withoutAFactoryTheFilesAreReadAndNamed() {
    MqttSettings s = MqttSettings.builder("ssl://broker:8883", "board-1").caFile(NOWHERE).build();
    var e =
        assertThrows(
            io.edgeconf.bridge.transport.TransportConfigException.class,
            () -> BrokerLogin.apply(s, new MqttConnectionOptions()));
    assertTrue(e.getMessage().contains(NOWHERE.toString()), e.getMessage());
    assertFalse(e.getMessage().isEmpty());
  }
}
