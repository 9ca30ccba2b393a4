package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.transport.coap.CoapBoardTransport;
import io.edgeconf.bridge.transport.mqtt.MqttBoardTransport;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** Creates the transports. The scheduler and clock are the caller's (see each method). */
public final class BoardTransports {
  private BoardTransports() {}

  /**
   * The MQTT transport (Paho, MQTT 5). Paho keeps its own network threads; all other work runs on
   * the scheduler.
   *
   * @param scheduler at least 2 threads; not shut down by the transport
   */
  public static BoardTransport mqtt(
      MqttSettings settings, ScheduledExecutorService scheduler, Clock clock) {
    return new MqttBoardTransport(settings, scheduler, clock);
  }

  /**
   * The CoAP transport (Californium, DTLS-PSK through Scandium when keys are given). Californium's
   * protocol stage runs on the scheduler; its UDP/DTLS connectors keep one or two threads each.
   *
   * @param scheduler at least 2 threads; not shut down by the transport
   */
  public static BoardTransport coap(
      CoapSettings settings, ScheduledExecutorService scheduler, Clock clock) {
    return new CoapBoardTransport(settings, scheduler, clock);
  }
}
