package io.edgeconf.sim.internal;

import io.edgeconf.bridge.message.Ack;

/** Where a board's answer to one push goes: an MQTT {@code ack}, or the CoAP response. */
public interface AckSink {
  /** Sends the answer. */
  void ack(Ack ack);

  /** Says the answer will come late (CoAP: acknowledge the request now, answer separately). */
  default void deferred() {}
}
