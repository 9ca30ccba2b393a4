package io.edgeconf.bridge.transport.mqtt;

import java.util.Optional;

/** The device-protocol topics under a root ({@code ec/d} in production). */
final class MqttTopics {
  /** The last level of a device topic. */
  enum Kind {
    HELLO("hello", 1),
    ONLINE("online", 1),
    ACK("ack", 1),
    HEALTH("health", 0),
    CFG("cfg", 1);

    final String level;
    final int qos;

    Kind(String level, int qos) {
      this.level = level;
      this.qos = qos;
    }
  }

  /** A received topic, split. The id is not validated here. */
  record Parsed(String deviceId, Kind kind) {}

  private final String root;

  MqttTopics(String root) {
    this.root = root;
  }

  String topic(String deviceId, Kind kind) {
    return root + "/" + deviceId + "/" + kind.level;
  }

  /** The filters the gateway subscribes to: everything boards send. */
  String[] filters() {
    return new String[] {
      filter(Kind.HELLO), filter(Kind.ONLINE), filter(Kind.ACK), filter(Kind.HEALTH)
    };
  }

  int[] qos() {
    return new int[] {Kind.HELLO.qos, Kind.ONLINE.qos, Kind.ACK.qos, Kind.HEALTH.qos};
  }

  private String filter(Kind kind) {
    return root + "/+/" + kind.level;
  }

  Optional<Parsed> parse(String topic) {
    if (topic == null || !topic.startsWith(root + "/")) {
      return Optional.empty();
    }
    String rest = topic.substring(root.length() + 1);
    int slash = rest.indexOf('/');
    if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
      return Optional.empty();
    }
    String level = rest.substring(slash + 1);
    for (Kind k : Kind.values()) {
      if (k.level.equals(level)) {
        return Optional.of(new Parsed(rest.substring(0, slash), k));
      }
    }
    return Optional.empty();
  }
}
