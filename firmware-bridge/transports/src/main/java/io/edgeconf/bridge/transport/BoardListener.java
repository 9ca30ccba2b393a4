package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.message.Ack;
import java.time.Instant;

/**
 * Receives what boards do. Calls come from the transport's event thread, one at a time and in the
 * order events happened; an implementation must return quickly and must not block. An exception
 * thrown here is logged and otherwise ignored.
 */
public interface BoardListener {
  /** A board announced itself for the first time, or announced different attributes. */
  default void onBoardSeen(BoardInfo board) {}

  /** A board became reachable. */
  default void onOnline(String deviceId) {}

  /**
   * A board became unreachable.
   *
   * @param cause what the gateway saw: {@code "will"}, {@code "lifetime expired"}, {@code "silent"}
   */
  default void onOffline(String deviceId, String cause) {}

  /**
   * An ack for an image the gateway pushed, including acks that complete a {@link
   * BoardTransport#push} and acks a returning board sends for its retained desired image.
   */
  default void onAck(String deviceId, Ack ack, Instant receivedAt) {}

  /** A health report. */
  default void onHealth(HealthReport report) {}

  /**
   * The transport (re)gained its connection. Over MQTT, {@code reconnect} after a broker restart
   * means retained desired images may be gone: call {@link BoardTransport#republishDesired()}.
   */
  default void onTransportUp(Transport transport, boolean reconnect) {}

  /** The transport lost its connection (MQTT: the broker); it keeps trying by itself. */
  default void onTransportDown(Transport transport, String cause) {}
}
