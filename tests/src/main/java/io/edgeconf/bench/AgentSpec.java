package io.edgeconf.bench;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * How the harness runs an agent: a gateway id and device topic root unique to the run (so it can
 * share the local Mosquitto with other runs), its directories, and its CoAP port.
 *
 * @param gateway the gateway id
 * @param brokerUrl the external broker, ignored when {@code embeddedPort} is present
 * @param embeddedPort the embedded broker's port, empty for the external broker
 * @param stateDir the store
 * @param trustDir the trusted key of the harness
 * @param coapPort the CoAP port for nRF52840 boards
 * @param topicRoot the device protocol's MQTT topic root
 */
record AgentSpec(
    String gateway,
    String brokerUrl,
    OptionalInt embeddedPort,
    Path stateDir,
    Path trustDir,
    int coapPort,
    String topicRoot) {
  /** The broker the agent, the boards and the operator use. */
  String effectiveBroker() {
    return embeddedPort.isPresent() ? "tcp://127.0.0.1:" + embeddedPort.getAsInt() : brokerUrl;
  }
}
