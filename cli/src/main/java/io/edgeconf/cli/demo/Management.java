package io.edgeconf.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The demo's view of one gateway's management API (docs/management-api.md): requests and the event
 * stream. The command line adapts its own MQTT client to it. Not thread-safe.
 */
public interface Management extends AutoCloseable {
  /** Connects to a broker. */
  @FunctionalInterface
  interface Connector {
    /**
     * Connects to the broker and follows the gateway's events.
     *
     * @throws Exception when the broker cannot be reached
     */
    Management connect(String brokerUrl, String gateway) throws Exception;
  }

  /**
   * Sends a command to the gateway and waits for its answer.
   *
   * @return the answer, null when none came in time
   * @throws Exception when the broker fails
   */
  JsonNode request(String verb, byte[] payload, Duration timeout) throws Exception;

  /** The next event of the gateway, null when none came in time. */
  JsonNode nextEvent(Duration timeout) throws InterruptedException;

  @Override
  void close();
}
