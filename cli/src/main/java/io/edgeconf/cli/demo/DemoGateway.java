package io.edgeconf.cli.demo;

import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.sim.SimEventListener;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorOptions;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole gateway in this process: a temporary directory (state and trust), the agent with its
 * embedded MQTT 5 broker on a free loopback port and CoAP on a free UDP port, and the simulated
 * boards. {@link #close()} stops everything and deletes the directory. Not thread-safe.
 */
final class DemoGateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoGateway.class);

  /** The demo's gateway id. */
  static final String GATEWAY = "demo-gw";

  private final Path root;
  private GatewayAgent agent;
  private Simulator simulator;
  private int coapPort;

  private DemoGateway(Path root) {
    this.root = root;
  }

  /**
   * Creates the temporary directory (nothing runs yet).
   *
   * @throws IOException when it cannot
   */
  static DemoGateway create() throws IOException {
    Path root = Files.createTempDirectory("edgeconf-demo-");
    Files.createDirectories(root.resolve("trusted-keys"));
    Files.createDirectories(root.resolve("state"));
    return new DemoGateway(root);
  }

  /** The agent's trust directory. */
  Path trustDir() {
    return root.resolve("trusted-keys");
  }

  /**
   * Starts the agent (and its broker).
   *
   * @throws io.edgeconf.agent.AgentException when a port or the store cannot be opened
   */
  void startAgent() throws IOException {
    agent =
        new GatewayAgent(
            AgentConfig.builder()
                .gatewayId(GATEWAY)
                .embeddedBroker(0)
                .stateDir(root.resolve("state"))
                .trustDir(trustDir())
                .coapPort(coapPort = freeUdpPort())
                .build());
    agent.start();
  }

  /**
   * Starts the boards; returns once every board is online.
   *
   * @throws io.edgeconf.sim.SimulatorException when they cannot start
   */
  void startBoards(DemoFleet fleet, SimEventListener listener) {
    var options =
        SimulatorOptions.builder()
            .broker(brokerUrl())
            .gatewayCoap("127.0.0.1:" + coapPort)
            .idPrefix(fleet.idPrefix())
            .policy(fleet.policy())
            .zones(fleet.zones())
            .tags(fleet.tags())
            .healthInterval(fleet.healthInterval());
    fleet.counts().forEach(options::boards);
    simulator = Simulator.start(options.build(), List.of(listener));
  }

  private static int freeUdpPort() throws IOException {
    try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The embedded broker's URL. */
  String brokerUrl() {
    return agent.brokerUrl();
  }

  /** The running boards. */
  Simulator simulator() {
    return simulator;
  }

  /** Stops the boards, then the agent and its broker, then deletes the directory. */
  @Override
  public void close() {
    if (simulator != null) {
      simulator.close();
    }
    if (agent != null) {
      agent.close();
    }
    try {
      TempTree.delete(root);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", root, e.toString());
    }
  }
}
