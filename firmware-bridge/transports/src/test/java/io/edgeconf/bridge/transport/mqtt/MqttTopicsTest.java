package io.edgeconf.bridge.transport.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MqttTopicsTest {
  final MqttTopics topics = new MqttTopics("ec/d");

  @Test
  void buildsAndSplitsDeviceTopics() {
    assertEquals("ec/d/gh-esp-01/cfg", topics.topic("gh-esp-01", MqttTopics.Kind.CFG));
    var p = topics.parse("ec/d/gh-esp-01/ack").orElseThrow();
    assertEquals("gh-esp-01", p.deviceId());
    assertEquals(MqttTopics.Kind.ACK, p.kind());
    assertArrayEquals(
        new String[] {"ec/d/+/hello", "ec/d/+/online", "ec/d/+/ack", "ec/d/+/health"},
        topics.filters());
    assertArrayEquals(new int[] {1, 1, 1, 0}, topics.qos());
  }

  @Test
  void foreignTopicsAreNotDeviceTopics() {
    assertTrue(topics.parse("ec/gw/g1/cmd").isEmpty());
    assertTrue(topics.parse("ec/d/a/b/ack").isEmpty());
    assertTrue(topics.parse("ec/d/a/reboot").isEmpty());
    assertTrue(topics.parse("other/ec/d/a/ack").isEmpty());
  }
}
