package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.FloodGuard;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

/**
 * Board health by Observe: one observation of {@code /health} per registered board, started at each
 * registration and renewed when it lapses, its notifications rate limited and handed to {@link
 * CoapBoardState}. The observations are confined to the event thread; notifications arrive on
 * Californium's threads and only hand over to it.
 */
final class HealthObservations {
  /** Notifications allowed to wait on the event thread beyond one per board. */
  private static final int QUEUE_HEADROOM = 1000;

  private final CoapEvents events;
  private final CoapBoardState state;
  private final CoapStack stack;
  private final Clock clock;
  private final BadInputLog bad;
  private final FloodGuard flood;
  private final int maxBoards;
  private final Map<String, Request> observations = new HashMap<>();

  HealthObservations(
      CoapEvents events,
      CoapBoardState state,
      CoapStack stack,
      Clock clock,
      BadInputLog bad,
      double maxNotificationsPerSecond,
      int maxBoards) {
    this.events = events;
    this.state = state;
    this.stack = stack;
    this.clock = clock;
    this.bad = bad;
    this.flood = new FloodGuard(clock, maxNotificationsPerSecond, maxBoards);
    this.maxBoards = maxBoards;
  }

  /** (Re)starts the observation of a registered board, cancelling the one it replaces. */
  void observe(String id) {
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
    request.setURI(r.uri("/health"));
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
    stack.endpoint(r.secure).sendRequest(request);
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
    cancel.setURI(r.uri("/health"));
    cancel.setObserveCancel();
    cancel.setToken(old.getToken());
    stack.endpoint(r.secure).sendRequest(cancel);
  }

  /** Drops the observation of a board whose registration ended, without telling the board. */
  void forget(String id) {
    Request r = observations.remove(id);
    if (r != null) {
      r.cancel(); // the board is gone: no point in telling it
    }
  }

  /**
   * A notification after the first (Californium's thread): find the observation by its token (the
   * request Californium passes may be a copy) and handle it like the first.
   */
  void onLaterNotification(Request request, Response response) {
    if (events.closed() || request.getToken() == null) {
      return;
    }
    events.run(
        () ->
            observations.forEach(
                (id, current) -> {
                  if (request.getToken().equals(current.getToken())) {
                    onNotification(id, current, response);
                  }
                }));
  }

  private void onNotification(String id, Request request, Response response) {
    if (events.closed()) {
      return;
    }
    if (!flood.allow(id)) {
      bad.report(BadInput.FLOOD, id, "more health notifications per second than allowed");
      return;
    }
    if (events.pending() >= maxBoards + QUEUE_HEADROOM) {
      bad.report(BadInput.FLOOD, id, "event queue full, notification dropped");
      return;
    }
    byte[] payload = response.getPayload();
    ResponseCode code = response.getCode();
    events.run(
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

  /** Cancels every observation locally (on close). */
  void cancelAll() {
    observations.values().forEach(Request::cancel);
    observations.clear();
  }
}
