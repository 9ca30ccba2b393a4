package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The simulator's broker URL is the one Paho can connect with. */
class SimulatorOptionsTest {
  @Test
  void mqttAndMqttsUrlsConnectAsTcpAndSsl() {
    var plain = SimulatorOptions.builder().broker("mqtt://127.0.0.1:1883").boards("esp32", 1);
    assertEquals("tcp://127.0.0.1:1883", plain.build().brokerUrl().orElseThrow());
    var tls = SimulatorOptions.builder().broker("mqtts://gw.example:8883").boards("esp32", 1);
    assertEquals("ssl://gw.example:8883", tls.build().brokerUrl().orElseThrow());
  }
}
