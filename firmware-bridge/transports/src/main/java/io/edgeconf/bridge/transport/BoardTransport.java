package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.catalogue.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * How the gateway reaches boards, whatever the wire: boards appear, go online and offline, receive
 * config images and report health. One implementation per {@link Transport} (see {@link
 * BoardTransports}); {@link TransportHub} composes them and routes by the board catalogue.
 *
 * <p>Thread-safe. Methods never block on the network; answers arrive through the returned stages
 * (completed on the transport's event thread: do not block in dependent actions) and through {@link
 * BoardListener}s. A board's answer is always a value ({@link PushResult}, {@link RebootResult}); a
 * stage completes exceptionally only with a {@link TransportException} for the gateway's own
 * failures.
 */
public interface BoardTransport extends AutoCloseable {
  /** The transports this instance serves. */
  Set<Transport> transports();

  /**
   * Starts: binds ports, connects (over MQTT the first connection is made in the background and
   * retried until it succeeds).
   *
   * @throws TransportStartException when a port cannot be bound
   */
  void start();

  /** Whether it is connected (MQTT) or bound (CoAP) now. */
  boolean ready();

  void addListener(BoardListener listener);

  void removeListener(BoardListener listener);

  /** Every board seen, online or not. */
  List<BoardInfo> boards();

  Optional<BoardInfo> board(String deviceId);

  /**
   * Sends an image to a board and waits for its ack. Over MQTT the image also becomes the board's
   * desired config (retained); over CoAP it is a confirmable block-wise {@code PUT /cfg}.
   *
   * @param deviceId the board
   * @param image a config image (at least a header and a CRC: version and CRC are read from it)
   * @param deadline the longest the whole push may take, queueing included
   * @return the outcome; exceptionally only with {@link TransportBusyException} (the bounded
   *     outgoing queue is full) or {@link TransportClosedException}
   * @throws IllegalArgumentException when the image is too short to carry a version and a CRC, or
   *     the deadline is not positive
   */
  CompletionStage<PushResult> push(String deviceId, byte[] image, Duration deadline);

  /**
   * Records a board's desired image without waiting for an ack. Over MQTT it is published retained
   * on the board's {@code cfg} topic (the stage completes when the broker has it); over CoAP it is
   * only recorded (boards get images by {@link #push}).
   */
  CompletionStage<Void> setDesired(String deviceId, byte[] image);

  /** Forgets a board's desired image; over MQTT clears the retained {@code cfg}. */
  CompletionStage<Void> clearDesired(String deviceId);

  /**
   * Publishes every desired image again, for a broker that lost its retained messages. A no-op over
   * CoAP.
   */
  CompletionStage<Void> republishDesired();

  /** Asks a board to restart ({@code POST /reboot} over CoAP; unsupported over MQTT). */
  CompletionStage<RebootResult> reboot(String deviceId, Duration deadline);

  /** The counters of ignored input, by cause. */
  BadInputCounters badInput();

  /** Stops; pending pushes complete exceptionally with {@link TransportClosedException}. */
  @Override
  void close();
}
