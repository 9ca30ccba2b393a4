package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.RebootResult;
import io.edgeconf.bridge.transport.TransportClosedException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

/**
 * Reboots: {@code POST /reboot} to a registered board, its answer or reset (or its silence until
 * the deadline) as a {@link RebootResult}. The registration is read on the event thread; the result
 * completes there (an unregistered board), on Californium's thread (an answer) or on the deadline
 * timer's.
 */
final class RebootRequests {
  private final CoapEvents events;
  private final CoapBoardState state;
  private final CoapStack stack;
  private final ScheduledExecutorService scheduler;

  RebootRequests(
      CoapEvents events,
      CoapBoardState state,
      CoapStack stack,
      ScheduledExecutorService scheduler) {
    this.events = events;
    this.state = state;
    this.stack = stack;
    this.scheduler = scheduler;
  }

  /** Asks a board to restart, from any thread. */
  CompletionStage<RebootResult> reboot(String deviceId, Duration deadline) {
    CompletableFuture<RebootResult> result = new CompletableFuture<>();
    if (!events.submit(() -> begin(deviceId, deadline, result))) {
      result.completeExceptionally(new TransportClosedException("CoAP transport is closed"));
    }
    return result;
  }

  private void begin(String id, Duration deadline, CompletableFuture<RebootResult> result) {
    Optional<Registration> reg = state.registration(id);
    if (reg.isEmpty()) {
      result.complete(new RebootResult(id, RebootResult.Status.UNREACHABLE, "not registered"));
      return;
    }
    Registration r = reg.get();
    boolean secure = r.secure;
    Request request = Request.newPost();
    request.setURI(r.uri("/reboot"));
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
          public void onReject() {
            // The board got the request and refused it without an answer: waiting is pointless.
            result.complete(
                new RebootResult(id, RebootResult.Status.REFUSED, "the board reset the POST"));
          }

          @Override
          public void onTimeout() {
            result.complete(DtlsFailures.rebootUnanswered(id, secure));
          }

          @Override
          public void onSendError(Throwable error) {
            result.complete(DtlsFailures.rebootUnanswered(id, secure));
          }
        });
    ScheduledFuture<?> timer =
        scheduler.schedule(
            () -> {
              if (result.complete(DtlsFailures.rebootUnanswered(id, secure))) {
                request.cancel();
              }
            },
            deadline.toMillis(),
            TimeUnit.MILLISECONDS);
    result.whenComplete((v, e) -> timer.cancel(false));
    stack.endpoint(r.secure).sendRequest(request);
  }
}
