package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.BadInputCounters;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.BoardListener;
import io.edgeconf.bridge.transport.BoardTransport;
import io.edgeconf.bridge.transport.CoapSettings;
import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.RebootResult;
import io.edgeconf.bridge.transport.TransportClosedException;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.FloodGuard;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import io.edgeconf.bridge.transport.internal.Listeners;
import io.edgeconf.bridge.transport.internal.PendingPush;
import io.edgeconf.bridge.transport.internal.SerialExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoAP (Californium, optionally DTLS-PSK through Scandium) side of the device protocol: a
 * resource directory for registrations, confirmable block-wise {@code PUT /cfg} pushes with an
 * overall deadline, {@code /health} observed and renewed when it lapses. All state changes run on
 * one serial event thread over the injected scheduler.
 */
public final class CoapBoardTransport implements BoardTransport {
  private static final Logger LOG = LoggerFactory.getLogger(CoapBoardTransport.class);

  /** Pause before retrying a push whose exchange failed, so that a dead peer is not hammered. */
  private static final long RETRY_PAUSE_MS = 100;

  private final CoapSettings settings;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final SerialExecutor events;
  private final BadInputLog bad;
  private final Listeners listeners = new Listeners();
  private final CoapBoardState state;
  private final FloodGuard notificationFlood;
  private final TransferLimiter limiter;
  private final CoapStack stack;
  private final Map<String, CoapPushJob> pushes = new HashMap<>();
  private final Map<String, Request> observations = new HashMap<>();
  private final Map<String, byte[]> desired = new HashMap<>();
  private volatile boolean started;
  private volatile boolean closed;
  private ScheduledFuture<?> sweeper;

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
    this.events = new SerialExecutor(scheduler);
    this.bad = new BadInputLog("coap", clock);
    this.state =
        new CoapBoardState(
            bad,
            listeners,
            settings.maxBoards(),
            settings.healthInterval(),
            settings.silentIntervals());
    this.notificationFlood =
        new FloodGuard(clock, settings.maxRequestsPerSecond(), settings.maxBoards());
    this.limiter =
        new TransferLimiter(settings.maxConcurrentTransfers(), settings.maxQueuedPushes());
    RdResource rd = new RdResource(settings, clock, bad, this::onRegistration);
    this.stack =
        new CoapStack(
            settings,
            scheduler,
            new GatewayPskStore(settings.psks(), state::idAt, bad),
            new HandshakeHealth(bad),
            rd);
    stack.addNotificationListener(this::onLaterNotification);
  }

  @Override
  public Set<Transport> transports() {
    return Set.of(Transport.COAP);
  }

  @Override
  public synchronized void start() {
    if (closed) {
      throw new TransportClosedException("CoAP transport is closed");
    }
    if (started) {
      return;
    }
    stack.start();
    started = true;
    long every = settings.sweepInterval().toMillis();
    sweeper =
        scheduler.scheduleAtFixedRate(
            () -> runOnEvents(this::sweep), every, every, TimeUnit.MILLISECONDS);
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
    return started && !closed;
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

  // --- registrations and health ---

  private void onRegistration(
      BoardInfo info,
      InetSocketAddress address,
      boolean secure,
      Duration lifetime,
      CoapExchange exchange) {
    if (!onEvents(
        () -> {
          CoapBoardState.Outcome outcome =
              state.register(info, address, secure, lifetime, clock.instant());
          if (outcome == CoapBoardState.Outcome.FULL) {
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE);
            return;
          }
          exchange.setLocationPath("rd/" + info.deviceId());
          exchange.respond(ResponseCode.CREATED);
          // A (re-)registration may follow a reboot that dropped our observation: renew it.
          observe(info.deviceId());
        })) {
      exchange.respond(ResponseCode.SERVICE_UNAVAILABLE);
    }
  }

  private void observe(String id) {
    Optional<Registration> reg = state.registration(id);
    Request old = observations.remove(id);
    if (old != null) {
      cancelObservation(old, reg.orElse(null));
    }
    if (reg.isEmpty()) {
      return;
    }
    Registration r = reg.get();
    Request request = Request.newGet();
    request.setURI(uri(r, "/health"));
    request.setObserve();
    request.addMessageObserver(
        new MessageObserverAdapter() {
          @Override
          public void onResponse(Response response) {
            onNotification(id, request, response);
          }
        });
    observations.put(id, request);
    state.observing(id, clock.instant());
    endpoint(r).sendRequest(request);
  }

  /**
   * Ends an observation on the board too (a GET with Observe 1 and the same token), so that a board
   * does not keep notifying observations the gateway replaced.
   */
  private void cancelObservation(Request old, Registration r) {
    old.cancel();
    if (r == null || old.getToken() == null) {
      return;
    }
    Request cancel = Request.newGet();
    cancel.setURI(uri(r, "/health"));
    cancel.setObserveCancel();
    cancel.setToken(old.getToken());
    endpoint(r).sendRequest(cancel);
  }

  /**
   * A notification after the first: find the observation by its token (the request Californium
   * passes may be a copy) and handle it like the first.
   */
  private void onLaterNotification(Request request, Response response) {
    if (closed || request.getToken() == null) {
      return;
    }
    runOnEvents(
        () ->
            observations.forEach(
                (id, current) -> {
                  if (request.getToken().equals(current.getToken())) {
                    onNotification(id, current, response);
                  }
                }));
  }

  private void onNotification(String id, Request request, Response response) {
    if (closed) {
      return;
    }
    if (!notificationFlood.allow(id)) {
      bad.report(BadInput.FLOOD, id, "more health notifications per second than allowed");
      return;
    }
    if (events.pending() >= settings.maxBoards() + 1000) {
      bad.report(BadInput.FLOOD, id, "event queue full, notification dropped");
      return;
    }
    byte[] payload = response.getPayload();
    ResponseCode code = response.getCode();
    runOnEvents(
        () -> {
          if (observations.get(id) != request) {
            return; // a notification of an observation we replaced
          }
          if (!code.isSuccess()) {
            observations.remove(id);
            bad.report(BadInput.HEALTH_MALFORMED, id, "answer " + code.text + " to GET /health");
            return;
          }
          state.onHealth(id, payload, clock.instant());
        });
  }

  private void sweep() {
    CoapBoardState.Sweep s = state.sweep(clock.instant());
    for (String id : s.expired()) {
      Request r = observations.remove(id);
      if (r != null) {
        r.cancel(); // the board is gone: no point in telling it
      }
    }
    for (String id : s.reobserve()) {
      LOG.debug("renewing the health observation of {}", id);
      observe(id);
    }
  }

  // --- pushes ---

  @Override
  public CompletionStage<PushResult> push(String deviceId, byte[] image, Duration deadline) {
    requireId(deviceId);
    ImageInfo info = ImageInfo.of(image);
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline " + deadline + " must be positive");
    }
    byte[] copy = image.clone();
    CompletableFuture<PushResult> result = new CompletableFuture<>();
    PendingPush pending = new PendingPush(deviceId, info);
    pending.future().whenComplete((r, e) -> relay(r, e, result));
    if (!onEvents(() -> beginPush(pending, copy, deadline))) {
      pending.fail(new TransportClosedException("CoAP transport is closed"));
    }
    return result;
  }

  private void beginPush(PendingPush pending, byte[] image, Duration deadline) {
    String id = pending.deviceId();
    if (state.registration(id).isEmpty()) {
      pending.complete(
          PushStatus.UNREACHABLE,
          board(id).isPresent() ? "registration lifetime expired" : "board never registered");
      return;
    }
    CoapPushJob old = pushes.remove(id);
    if (old != null) {
      old.pending.complete(PushStatus.SUPERSEDED, "a newer push to " + id + " replaced it");
      finish(old);
    }
    CoapPushJob job = new CoapPushJob(pending, image);
    pushes.put(id, job);
    desired.put(id, image);
    pending.deadlineTimer(
        scheduler.schedule(
            () -> runOnEvents(() -> onDeadline(job)), deadline.toMillis(), TimeUnit.MILLISECONDS));
    try {
      limiter.acquire(
          () ->
              runOnEvents(
                  () -> {
                    job.holdsSlot = true;
                    if (job.pending.done()) {
                      finish(job);
                    } else {
                      attempt(job);
                    }
                  }));
    } catch (RuntimeException e) {
      pushes.remove(id, job);
      pending.fail(e);
    }
  }

  private void attempt(CoapPushJob job) {
    String id = job.pending.deviceId();
    Optional<Registration> reg = state.registration(id);
    if (reg.isEmpty()) {
      job.pending.complete(PushStatus.UNREACHABLE, "registration ended during the push");
      finish(job);
      return;
    }
    Registration r = reg.get();
    job.secure = r.secure;
    job.attempts++;
    Request request = Request.newPut();
    request.setURI(uri(r, "/cfg"));
    request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
    request.getOptions().setSize1(job.image.length);
    request.setPayload(job.image);
    request.addMessageObserver(
        new MessageObserverAdapter() {
          @Override
          public void onResponse(Response response) {
            byte[] payload = response.getPayload();
            ResponseCode code = response.getCode();
            runOnEvents(() -> onPushResponse(job, request, code, payload));
          }

          @Override
          public void onTimeout() {
            runOnEvents(() -> onNoAnswer(job, request, null));
          }

          @Override
          public void onSendError(Throwable error) {
            runOnEvents(() -> onNoAnswer(job, request, error));
          }

          @Override
          public void onReject() {
            runOnEvents(
                () -> {
                  if (job.request == request && !job.pending.done()) {
                    job.pending.complete(PushStatus.PROTOCOL_ERROR, "the board reset the PUT");
                    finish(job);
                  }
                });
          }
        });
    job.request = request;
    endpoint(r).sendRequest(request);
  }

  private void onPushResponse(CoapPushJob job, Request request, ResponseCode code, byte[] payload) {
    if (job.request != request || job.pending.done()) {
      return;
    }
    String id = job.pending.deviceId();
    job.answered = true;
    state.heard(id, clock.instant());
    CoapAckMapper.Mapped m = CoapAckMapper.map(id, job.pending.image(), code, payload);
    m.bad().ifPresent(cause -> bad.report(cause, id, m.detail()));
    job.pending.complete(m.result());
    finish(job);
    m.ack().ifPresent(ack -> listeners.fire(l -> l.onAck(id, ack, clock.instant())));
  }

  private void onNoAnswer(CoapPushJob job, Request request, Throwable error) {
    if (job.request != request || job.pending.done()) {
      return;
    }
    String id = job.pending.deviceId();
    if (job.secure && error != null && isHandshakeFailure(error)) {
      job.pending.complete(
          PushStatus.AUTH_FAILURE,
          "DTLS handshake with "
              + id
              + " failed ("
              + error.getMessage()
              + "): probably a wrong key or an identity the board does not know");
      finish(job);
      return;
    }
    if (job.secure && !job.answered) {
      // No answer over DTLS: a stale or wrongly keyed session looks exactly like this. Start
      // the next attempt with a fresh handshake, which fails fast if the key is wrong.
      state.registration(id).ifPresent(r -> stack.forgetSession(r.address));
    }
    LOG.debug("push to {}: attempt {} got no answer ({}); retrying", id, job.attempts, error);
    scheduler.schedule(
        () ->
            runOnEvents(
                () -> {
                  if (job.request == request && !job.pending.done()) {
                    attempt(job);
                  }
                }),
        RETRY_PAUSE_MS,
        TimeUnit.MILLISECONDS);
  }

  private static boolean isHandshakeFailure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.contains("Handshake") || name.contains("Dtls")) {
        return true;
      }
    }
    return false;
  }

  private void onDeadline(CoapPushJob job) {
    if (job.pending.done()) {
      return;
    }
    if (job.secure && !job.answered) {
      job.pending.complete(
          PushStatus.AUTH_FAILURE,
          "no answer from a DTLS board before the deadline: probably a wrong key or an unknown"
              + " identity");
    } else {
      job.pending.complete(
          PushStatus.TIMEOUT, "no ack before the deadline (" + job.attempts + " attempts)");
    }
    finish(job);
  }

  /** Cleans up after a push ended: cancels its request, frees its transfer slot. */
  private void finish(CoapPushJob job) {
    pushes.remove(job.pending.deviceId(), job);
    Request r = job.request;
    if (r != null && !r.isCanceled() && r.getResponse() == null) {
      r.cancel();
    }
    if (job.holdsSlot) {
      job.holdsSlot = false;
      limiter.release();
    }
  }

  @Override
  public CompletionStage<Void> setDesired(String deviceId, byte[] image) {
    requireId(deviceId);
    ImageInfo.of(image);
    byte[] copy = image.clone();
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!onEvents(
        () -> {
          desired.put(deviceId, copy);
          done.complete(null);
        })) {
      done.completeExceptionally(new TransportClosedException("CoAP transport is closed"));
    }
    return done;
  }

  @Override
  public CompletionStage<Void> clearDesired(String deviceId) {
    requireId(deviceId);
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!onEvents(
        () -> {
          desired.remove(deviceId);
          done.complete(null);
        })) {
      done.completeExceptionally(new TransportClosedException("CoAP transport is closed"));
    }
    return done;
  }

  @Override
  public CompletionStage<Void> republishDesired() {
    return CompletableFuture.completedFuture(null);
  }

  // --- reboot ---

  @Override
  public CompletionStage<RebootResult> reboot(String deviceId, Duration deadline) {
    requireId(deviceId);
    CompletableFuture<RebootResult> result = new CompletableFuture<>();
    if (!onEvents(() -> beginReboot(deviceId, deadline, result))) {
      result.completeExceptionally(new TransportClosedException("CoAP transport is closed"));
    }
    return result;
  }

  private void beginReboot(String id, Duration deadline, CompletableFuture<RebootResult> result) {
    Optional<Registration> reg = state.registration(id);
    if (reg.isEmpty()) {
      result.complete(new RebootResult(id, RebootResult.Status.UNREACHABLE, "not registered"));
      return;
    }
    Registration r = reg.get();
    boolean secure = r.secure;
    Request request = Request.newPost();
    request.setURI(uri(r, "/reboot"));
    request.addMessageObserver(
        new MessageObserverAdapter() {
          @Override
          public void onResponse(Response response) {
            result.complete(
                response.isSuccess()
                    ? new RebootResult(id, RebootResult.Status.DONE, response.getCode().text)
                    : new RebootResult(id, RebootResult.Status.REFUSED, response.getCode().text));
          }

          @Override
          public void onTimeout() {
            result.complete(noAnswer(id, secure));
          }

          @Override
          public void onSendError(Throwable error) {
            result.complete(noAnswer(id, secure));
          }
        });
    ScheduledFuture<?> timer =
        scheduler.schedule(
            () -> {
              if (result.complete(noAnswer(id, secure))) {
                request.cancel();
              }
            },
            deadline.toMillis(),
            TimeUnit.MILLISECONDS);
    result.whenComplete((v, e) -> timer.cancel(false));
    endpoint(r).sendRequest(request);
  }

  private static RebootResult noAnswer(String id, boolean secure) {
    return secure
        ? new RebootResult(
            id, RebootResult.Status.AUTH_FAILURE, "no answer over DTLS: probably a wrong key")
        : new RebootResult(id, RebootResult.Status.TIMEOUT, "no answer");
  }

  // --- plumbing ---

  private Endpoint endpoint(Registration r) {
    return stack.endpoint(r.secure);
  }

  private static URI uri(Registration r, String path) {
    try {
      return new URI(
          r.secure ? "coaps" : "coap",
          null,
          r.address.getAddress().getHostAddress(),
          r.address.getPort(),
          path,
          null,
          null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot address " + r.address, e);
    }
  }

  private static void requireId(String id) {
    if (!DeviceId.isValid(id)) {
      throw new IllegalArgumentException("device id '" + id + "' breaks [A-Za-z0-9._-]{1,64}");
    }
  }

  private static <T> void relay(T value, Throwable error, CompletableFuture<T> to) {
    if (error != null) {
      to.completeExceptionally(error);
    } else {
      to.complete(value);
    }
  }

  private boolean onEvents(Runnable task) {
    if (closed) {
      return false;
    }
    try {
      events.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private void runOnEvents(Runnable task) {
    onEvents(task);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (sweeper != null) {
        sweeper.cancel(false);
      }
    }
    CompletableFuture<Void> drained = new CompletableFuture<>();
    try {
      events.execute(
          () -> {
            pushes
                .values()
                .forEach(
                    j -> j.pending.fail(new TransportClosedException("CoAP transport closed")));
            pushes.clear();
            observations.values().forEach(Request::cancel);
            observations.clear();
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
