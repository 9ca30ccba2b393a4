package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.transport.BadInputCounters;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.BoardListener;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.CoapSettings;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.RebootResult;
import io.edgeconf.bridge.transport.TransportClosedException;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import io.edgeconf.bridge.transport.internal.Listeners;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoAP (Californium, optionally DTLS-PSK through Scandium) side of the device protocol: a
 * resource directory for registrations, confirmable block-wise {@code PUT /cfg} pushes with an
 * overall deadline, {@code /health} observed and renewed when it lapses. All state changes run on
 * one serial event thread over the injected scheduler.
 *
 * <p>It composes the parts that do each job: {@link ResourceDirectory}, {@link HealthObservations},
 * {@link BlockwisePushes}, {@link RebootRequests}, on the {@link CoapStack} and {@link CoapEvents}.
 */
public final class CoapBoardTransport implements BoardTransport {
  private static final Logger LOG = LoggerFactory.getLogger(CoapBoardTransport.class);

  private final CoapSettings settings;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final CoapEvents events;
  private final BadInputLog bad;
  private final Listeners listeners = new Listeners();
  private final CoapBoardState state;
  private final CoapStack stack;
  private final HealthObservations health;
  private final ResourceDirectory directory;
  private final BlockwisePushes pushes;
  private final RebootRequests reboots;
  private volatile boolean started;

  /**
   * @param settings ports, keys and limits
   * @param scheduler runs Californium's protocol stage, the transport's work and timers (at least 2
   *     threads); owned by the caller
   * @param clock the time of registrations, health reports and log rate limits
   */
  public CoapBoardTransport(
      CoapSettings settings, ScheduledExecutorService scheduler, Clock clock) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.clock = clock;
    this.events = new CoapEvents(scheduler);
    this.bad = new BadInputLog("coap", clock);
    this.state =
        new CoapBoardState(
            bad,
            listeners,
            settings.maxBoards(),
            settings.healthInterval(),
            settings.silentIntervals());
    this.stack =
        new CoapStack(
            settings,
            scheduler,
            new GatewayPskStore(settings.psks(), state::idAt, bad),
            new HandshakeHealth(bad),
            new EstablishedSessions(this::onHandshake),
            new RdResource(settings, clock, bad, this::onRegistration));
    this.health =
        new HealthObservations(
            events,
            state,
            stack,
            clock,
            bad,
            settings.maxRequestsPerSecond(),
            settings.maxBoards());
    this.directory = new ResourceDirectory(events, state, health, clock, this::onReturn);
    this.pushes =
        new BlockwisePushes(
            events,
            state,
            stack,
            new TransferLimiter(settings.maxConcurrentTransfers(), settings.maxQueuedPushes()),
            scheduler,
            clock,
            bad,
            listeners);
    this.reboots = new RebootRequests(events, state, stack, scheduler);
    stack.addNotificationListener(health::onLaterNotification);
  }

  /**
   * The resource is built with the stack, before the directory that needs the stack (through its
   * health observations): registrations reach the directory through here.
   */
  /**
   * A board registered that was not registered (on the event thread): an image recorded as its
   * desired one while it was away is pushed now. A method, not a lambda, because the pushes part is
   * made after the directory.
   */
  private void onReturn(String deviceId) {
    pushes.deliverRecorded(deviceId, RECORDED_IMAGE_DEADLINE);
  }

  /** The deadline of a push that delivers an image recorded while its board was away. */
  private static final Duration RECORDED_IMAGE_DEADLINE = Duration.ofSeconds(30);

  private void onRegistration(
      BoardInfo info,
      InetSocketAddress address,
      boolean secure,
      Duration lifetime,
      CoapExchange exchange) {
    directory.register(info, address, secure, lifetime, exchange);
  }

  /**
   * A DTLS handshake succeeded (Scandium's thread): the board registered at that address, if the
   * identity is its own, holds its key. Pushes judge their silence by it.
   */
  private void onHandshake(InetSocketAddress peer, String identity) {
    events.run(() -> state.handshook(peer, identity, clock.instant()));
  }

  @Override
  public Set<Transport> transports() {
    return Set.of(Transport.COAP);
  }

  @Override
  public synchronized void start() {
    if (events.closed()) {
      throw new TransportClosedException("CoAP transport is closed");
    }
    if (started) {
      return;
    }
    stack.start();
    started = true;
    directory.startSweeping(scheduler, settings.sweepInterval());
    LOG.info("CoAP transport listening: coap port {}, coaps port {}", port(), dtlsPort());
  }

  /** The bound plain CoAP port (useful with port 0), or -1. */
  public int port() {
    return stack.port();
  }

  /** The bound DTLS port (useful with port 0), or -1. */
  public int dtlsPort() {
    return stack.dtlsPort();
  }

  @Override
  public boolean ready() {
    return started && !events.closed();
  }

  @Override
  public void addListener(BoardListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(BoardListener listener) {
    listeners.remove(listener);
  }

  @Override
  public List<BoardInfo> boards() {
    return state.table().all();
  }

  @Override
  public Optional<BoardInfo> board(String deviceId) {
    return state.table().get(deviceId);
  }

  @Override
  public BadInputCounters badInput() {
    return bad;
  }

  @Override
  public CompletionStage<PushResult> push(String deviceId, byte[] image, Duration deadline) {
    requireId(deviceId);
    ImageInfo info = ImageInfo.of(image);
    requireDeadline(deadline);
    return pushes.push(deviceId, info, image.clone(), deadline);
  }

  @Override
  public CompletionStage<Void> setDesired(String deviceId, byte[] image) {
    requireId(deviceId);
    ImageInfo.of(image);
    return pushes.setDesired(deviceId, image.clone());
  }

  @Override
  public CompletionStage<Void> clearDesired(String deviceId) {
    requireId(deviceId);
    return pushes.clearDesired(deviceId);
  }

  @Override
  public CompletionStage<Void> republishDesired() {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the id is invalid or the deadline is not positive
   */
  @Override
  public CompletionStage<RebootResult> reboot(String deviceId, Duration deadline) {
    requireId(deviceId);
    requireDeadline(deadline);
    return reboots.reboot(deviceId, deadline);
  }

  private static void requireId(String id) {
    if (!DeviceId.isValid(id)) {
      throw new IllegalArgumentException("device id '" + id + "' breaks [A-Za-z0-9._-]{1,64}");
    }
  }

  /** Checked in the caller's thread: on the event thread a bad deadline would never complete. */
  private static void requireDeadline(Duration deadline) {
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline " + deadline + " must be positive");
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (events.closed()) {
        return;
      }
      events.markClosed();
      directory.stopSweeping();
    }
    CompletableFuture<Void> drained = new CompletableFuture<>();
    try {
      events.runAfterClose(
          () -> {
            pushes.failAll();
            health.cancelAll();
            drained.complete(null);
          });
      drained.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("closing: {}", e.toString());
    }
    events.shutdown();
    stack.destroy();
    LOG.info("CoAP transport closed");
  }
}
