package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
import io.edgeconf.bridge.transport.TransportBusyException;
import io.edgeconf.bridge.transport.TransportClosedException;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.ImageInfo;
import io.edgeconf.bridge.transport.internal.Listeners;
import io.edgeconf.bridge.transport.internal.PendingPush;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes: one confirmable {@code PUT /cfg} per board at a time (Californium goes block-wise when
 * the image exceeds a block), started again after an exchange without an answer until the push's
 * overall deadline, within the {@link TransferLimiter}'s slots; the answer mapped by {@link
 * CoapAckMapper}, a DTLS board's silence judged by {@link DtlsFailures}. Also records desired
 * images (over CoAP they are only recorded). The pushes and desired images are confined to the
 * event thread; Californium's callbacks and the timers hand over to it.
 */
final class BlockwisePushes {
  // The transport's logger, so that log lines keep the logger name they always had.
  private static final Logger LOG = LoggerFactory.getLogger(CoapBoardTransport.class);

  /** Pause before retrying a push whose exchange failed, so that a dead peer is not hammered. */
  private static final long RETRY_PAUSE_MS = 100;

  private final CoapEvents events;
  private final CoapBoardState state;
  private final CoapStack stack;
  private final TransferLimiter limiter;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final BadInputLog bad;
  private final Listeners listeners;
  private final Map<String, CoapPushJob> pushes = new HashMap<>();
  private final Map<String, byte[]> desired = new HashMap<>();

  /** Desired images recorded while their boards were away, pushed when they register again. */
  private final Map<String, byte[]> undelivered = new HashMap<>();

  BlockwisePushes(
      CoapEvents events,
      CoapBoardState state,
      CoapStack stack,
      TransferLimiter limiter,
      ScheduledExecutorService scheduler,
      Clock clock,
      BadInputLog bad,
      Listeners listeners) {
    this.events = events;
    this.state = state;
    this.stack = stack;
    this.limiter = limiter;
    this.scheduler = scheduler;
    this.clock = clock;
    this.bad = bad;
    this.listeners = listeners;
  }

  /** Starts a push of a checked image (the caller's copy) from any thread. */
  CompletionStage<PushResult> push(
      String deviceId, ImageInfo info, byte[] image, Duration deadline) {
    CompletableFuture<PushResult> result = new CompletableFuture<>();
    PendingPush pending = new PendingPush(deviceId, info);
    pending.future().whenComplete((r, e) -> relay(r, e, result));
    if (!events.submit(() -> begin(pending, image, deadline))) {
      pending.fail(new TransportClosedException("CoAP transport is closed"));
    }
    return result;
  }

  private void begin(PendingPush pending, byte[] image, Duration deadline) {
    String id = pending.deviceId();
    if (state.registration(id).isEmpty()) {
      pending.complete(
          PushStatus.UNREACHABLE,
          state.table().get(id).isPresent()
              ? "registration lifetime expired"
              : "board never registered");
      return;
    }
    CoapPushJob job = new CoapPushJob(pending, image, clock.instant());
    job.onSlot = () -> events.run(() -> onSlot(job));
    // A slot or a place in the line first: a push refused as busy changes nothing.
    try {
      limiter.acquire(job.onSlot);
    } catch (TransportBusyException e) {
      pending.fail(e);
      return;
    }
    CoapPushJob old = pushes.put(id, job);
    if (old != null) {
      old.pending.complete(PushStatus.SUPERSEDED, "a newer push to " + id + " replaced it");
      finish(old);
    }
    desired.put(id, image);
    undelivered.remove(id);
    pending.deadlineTimer(
        scheduler.schedule(
            () -> events.run(() -> onDeadline(job)), deadline.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** The push got a transfer slot (it runs after {@link #begin} on the event thread). */
  private void onSlot(CoapPushJob job) {
    job.holdsSlot = true;
    if (job.pending.done()) {
      finish(job);
    } else {
      attempt(job);
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
    request.setURI(r.uri("/cfg"));
    request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
    request.getOptions().setSize1(job.image.length);
    request.setPayload(job.image);
    request.addMessageObserver(
        new MessageObserverAdapter() {
          /** Messages of this attempt sent for the first time: its blocks, or the request. */
          private final AtomicInteger sent = new AtomicInteger();

          @Override
          public void onSent(boolean retransmission) {
            // Californium hands this observer on to every block, and sends a block only after the
            // board acknowledged the one before with 2.31 Continue: a later block means an answer.
            if (!retransmission && sent.incrementAndGet() > 1) {
              events.run(() -> onAcknowledged(job));
            }
          }

          @Override
          public void onAcknowledgement() {
            // An empty ACK: the board got the request and answers separately (perhaps too late).
            events.run(() -> onAcknowledged(job));
          }

          @Override
          public void onResponse(Response response) {
            byte[] payload = response.getPayload();
            ResponseCode code = response.getCode();
            events.run(() -> onPushResponse(job, request, code, payload));
          }

          @Override
          public void onTimeout() {
            events.run(() -> onNoAnswer(job, request, null));
          }

          @Override
          public void onSendError(Throwable error) {
            events.run(() -> onNoAnswer(job, request, error));
          }

          @Override
          public void onReject() {
            events.run(
                () -> {
                  if (job.request == request && !job.pending.done()) {
                    job.pending.complete(PushStatus.PROTOCOL_ERROR, "the board reset the PUT");
                    finish(job);
                  }
                });
          }
        });
    job.request = request;
    stack.endpoint(r.secure).sendRequest(request);
  }

  /** The board acknowledged a message of the push: a block, or the request before its answer. */
  private void onAcknowledged(CoapPushJob job) {
    if (!job.pending.done()) {
      state.heard(job.pending.deviceId(), clock.instant());
    }
  }

  private void onPushResponse(CoapPushJob job, Request request, ResponseCode code, byte[] payload) {
    if (job.request != request || job.pending.done()) {
      return;
    }
    String id = job.pending.deviceId();
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
    if (DtlsFailures.handshakeFailed(job, error)) {
      job.pending.complete(PushStatus.AUTH_FAILURE, DtlsFailures.handshakeFailure(id, error));
      finish(job);
      return;
    }
    Optional<Registration> reg = state.registration(id);
    if (DtlsFailures.nothingHeardOverDtls(job, reg)) {
      // Nothing heard over DTLS: a stale or wrongly keyed session looks exactly like this. Start
      // the next attempt with a fresh handshake, which fails fast if the key is wrong. A session
      // the board was heard on is kept: dropping it would only cost the retry a handshake.
      reg.ifPresent(r -> stack.forgetSession(r.address));
    }
    LOG.debug("push to {}: attempt {} got no answer ({}); retrying", id, job.attempts, error);
    scheduler.schedule(
        () ->
            events.run(
                () -> {
                  if (job.request == request && !job.pending.done()) {
                    attempt(job);
                  }
                }),
        RETRY_PAUSE_MS,
        TimeUnit.MILLISECONDS);
  }

  private void onDeadline(CoapPushJob job) {
    if (job.pending.done()) {
      return;
    }
    String id = job.pending.deviceId();
    if (DtlsFailures.nothingHeardOverDtls(job, state.registration(id))) {
      job.pending.complete(PushStatus.AUTH_FAILURE, DtlsFailures.NOTHING_HEARD_BEFORE_DEADLINE);
    } else {
      job.pending.complete(
          PushStatus.TIMEOUT, "no ack before the deadline (" + job.attempts + " attempts)");
    }
    finish(job);
  }

  /**
   * Cleans up after a push ended: cancels its request, frees its transfer slot or its place in the
   * line. A push whose slot was granted but has not reached the event thread yet frees the slot in
   * {@link #onSlot}.
   */
  private void finish(CoapPushJob job) {
    pushes.remove(job.pending.deviceId(), job);
    Request r = job.request;
    if (r != null && !r.isCanceled() && r.getResponse() == null) {
      r.cancel();
    }
    if (job.holdsSlot) {
      job.holdsSlot = false;
      limiter.release();
    } else {
      limiter.withdraw(job.onSlot);
    }
  }

  /** Records a board's desired image (the caller's copy) from any thread. */
  CompletionStage<Void> setDesired(String deviceId, byte[] image) {
    return onEvents(
        () -> {
          desired.put(deviceId, image);
          undelivered.put(deviceId, image);
        });
  }

  /**
   * A board registered anew (on the event thread): the desired image recorded while it was away is
   * pushed now, once (over MQTT the retained {@code cfg} does this). Its outcome reaches the
   * listeners as any ack does.
   */
  void deliverRecorded(String deviceId, Duration deadline) {
    byte[] image = undelivered.remove(deviceId);
    if (image == null) {
      return;
    }
    LOG.info("{} registered again: pushing the image recorded as its desired one", deviceId);
    begin(new PendingPush(deviceId, ImageInfo.of(image)), image, deadline);
  }

  /** Forgets a board's desired image, from any thread. */
  CompletionStage<Void> clearDesired(String deviceId) {
    return onEvents(
        () -> {
          desired.remove(deviceId);
          undelivered.remove(deviceId);
        });
  }

  private CompletionStage<Void> onEvents(Runnable change) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!events.submit(
        () -> {
          change.run();
          done.complete(null);
        })) {
      done.completeExceptionally(new TransportClosedException("CoAP transport is closed"));
    }
    return done;
  }

  /** Fails every push in progress (on close, on the event thread). */
  void failAll() {
    pushes
        .values()
        .forEach(j -> j.pending.fail(new TransportClosedException("CoAP transport closed")));
    pushes.clear();
  }

  private static <T> void relay(T value, Throwable error, CompletableFuture<T> to) {
    if (error != null) {
      to.completeExceptionally(error);
    } else {
      to.complete(value);
    }
  }
}
