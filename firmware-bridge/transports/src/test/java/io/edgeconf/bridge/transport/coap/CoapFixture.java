package io.edgeconf.bridge.transport.coap;

import static org.awaitility.Awaitility.await;

import io.edgeconf.bridge.transport.CoapSettings;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.RecordingListener;
import io.edgeconf.bridge.transport.TestThreads;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A started CoAP gateway transport with scripted boards, closed together. */
final class CoapFixture implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(60);

  final String suffix;
  final RecordingListener events = new RecordingListener();
  final ScheduledExecutorService scheduler = TestThreads.scheduler("gw-coap", 4);
  final CoapBoardTransport transport;
  private final List<ScriptedCoapBoard> boards = new ArrayList<>();

  CoapFixture(CoapSettings settings) {
    this(settings, UUID.randomUUID().toString().substring(0, 8));
  }

  CoapFixture(CoapSettings settings, String suffix) {
    this.suffix = suffix;
    transport = new CoapBoardTransport(settings, scheduler, Clock.systemUTC());
    transport.addListener(events);
    transport.start();
  }

  InetSocketAddress plain() {
    return new InetSocketAddress("127.0.0.1", transport.port());
  }

  InetSocketAddress secure() {
    return new InetSocketAddress("127.0.0.1", transport.dtlsPort());
  }

  ScriptedCoapBoard board(String name, ScriptedCoapBoard.Options options) {
    return board(name, options, options.psk().isPresent() ? secure() : plain(), 0);
  }

  ScriptedCoapBoard board(
      String name, ScriptedCoapBoard.Options options, InetSocketAddress gateway, int port) {
    ScriptedCoapBoard b = new ScriptedCoapBoard(name + "-" + suffix, gateway, options, port);
    boards.add(b);
    return b;
  }

  ScriptedCoapBoard announced(String name, ScriptedCoapBoard.Options options) throws Exception {
    ScriptedCoapBoard b = board(name, options);
    b.announce();
    await().atMost(WAIT).until(() -> transport.board(b.id()).map(x -> x.online()).orElse(false));
    return b;
  }

  PushResult push(String id, byte[] image, Duration deadline) throws Exception {
    return transport
        .push(id, image, deadline)
        .toCompletableFuture()
        .get(deadline.toMillis() + 30_000, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    boards.forEach(ScriptedCoapBoard::close);
    transport.close();
    scheduler.shutdownNow();
  }
}
