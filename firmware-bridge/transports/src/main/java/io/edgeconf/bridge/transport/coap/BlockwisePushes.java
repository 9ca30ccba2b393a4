package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.PushResult;
import io.edgeconf.bridge.transport.PushStatus;
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
 * CoapAckMapper}. Also records desired images (over CoAP they are only recorded). The pushes and
 * desired images are confined to the event thread; Californium's callbacks and the timers hand over
 * to it.
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
            () -> events.run(() -> onDeadline(job)), deadline.toMillis(), TimeUnit.MILLISECONDS));
    try {
      limiter.acquire(
          () ->
              events.run(
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
    request.setURI(r.uri("/cfg"));
    request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
    request.getOptions().setSize1(job.image.length);
    request.setPayload(job.image);
    request.addMessageObserver(
        new MessageObserverAdapter() {
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
    if (DtlsFailures.handshakeFailed(job, error)) {
      job.pending.complete(PushStatus.AUTH_FAILURE, DtlsFailures.handshakeFailure(id, error));
      finish(job);
      return;
    }
    if (DtlsFailures.unansweredOverDtls(job)) {
      // No answer over DTLS: a stale or wrongly keyed session looks exactly like this. Start
      // the next attempt with a fresh handshake, which fails fast if the key is wrong.
      state.registration(id).ifPresent(r -> stack.forgetSession(r.address));
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
    if (DtlsFailures.unansweredOverDtls(job)) {
      job.pending.complete(PushStatus.AUTH_FAILURE, DtlsFailures.NO_ANSWER_BEFORE_DEADLINE);
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

  /** Records a board's desired image (the caller's copy) from any thread. */
  CompletionStage<Void> setDesired(String deviceId, byte[] image) {
    return onEvents(() -> desired.put(deviceId, image));
  }

  /** Forgets a board's desired image, from any thread. */
  CompletionStage<Void> clearDesired(String deviceId) {
    return onEvents(() -> desired.remove(deviceId));
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
