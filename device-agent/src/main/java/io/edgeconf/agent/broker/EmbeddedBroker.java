package io.edgeconf.agent.broker;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.Properties;

/**
 * An MQTT 5 broker inside the agent (Moquette), for a standalone gateway and the demo: bound to
 * 127.0.0.1, no persistence, anonymous clients allowed.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private final Server server = new Server();
  private final int port;

  private EmbeddedBroker(int port) {
    this.port = port;
  }

  /**
   * Starts a broker.
   *
   * @param port the port, 0 for any free one
   * @throws AgentException when it cannot start
   */
  public static EmbeddedBroker start(int port) {
    int chosen = port == 0 ? freePort() : port;
    var props = new Properties();
    props.setProperty("host", "127.0.0.1");
    props.setProperty("port", Integer.toString(chosen));
    props.setProperty("allow_anonymous", "true");
    props.setProperty("persistence_enabled", "false");
    props.setProperty("telemetry_enabled", "false");
    props.setProperty("netty.mqtt.message_size", Integer.toString(16 * 1024 * 1024));
    var broker = new EmbeddedBroker(chosen);
    try {
      broker.server.startServer(new MemoryConfig(props));
    } catch (IOException | RuntimeException e) {
      throw new AgentException(
          ErrorCode.INTERNAL, "cannot start the embedded broker on port " + chosen + ": " + e, e);
    }
    return broker;
  }

  private static int freePort() {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AgentException(ErrorCode.INTERNAL, "no free port: " + e.getMessage(), e);
    }
  }

  /** The bound port. */
  public int port() {
    return port;
  }

  /** The URL clients connect to. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.stopServer();
  }
}
