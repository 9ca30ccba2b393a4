package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.BoardInfo;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource directory's bookkeeping: takes the registrations {@link RdResource} has checked into
 * {@link CoapBoardState}, answers them and (re)starts the board's health observation; sweeps
 * lifetimes and silence periodically, dropping the observations of expired boards and renewing
 * lapsed ones. Registrations arrive on Californium's threads and are handled on the event thread,
 * where the sweeps run too; {@link #startSweeping} and {@link #stopSweeping} are called under the
 * transport's lock.
 */
final class ResourceDirectory implements RdResource.Registrar {
  // The transport's logger, so that log lines keep the logger name they always had.
  private static final Logger LOG = LoggerFactory.getLogger(CoapBoardTransport.class);

  private final CoapEvents events;
  private final CoapBoardState state;
  private final HealthObservations health;
  private final Clock clock;
  private ScheduledFuture<?> sweeper;

  /** Called on the event thread when a board registers that was not registered. */
  private final java.util.function.Consumer<String> onReturn;

  ResourceDirectory(
      CoapEvents events,
      CoapBoardState state,
      HealthObservations health,
      Clock clock,
      java.util.function.Consumer<String> onReturn) {
    this.onReturn = onReturn;
    this.events = events;
    this.state = state;
    this.health = health;
    this.clock = clock;
  }

  @Override
  public void register(
      BoardInfo info,
      InetSocketAddress address,
      boolean secure,
      Duration lifetime,
      CoapExchange exchange) {
    if (!events.submit(
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
          health.observe(info.deviceId());
          if (outcome == CoapBoardState.Outcome.CREATED) {
            onReturn.accept(info.deviceId());
          }
        })) {
      exchange.respond(ResponseCode.SERVICE_UNAVAILABLE);
    }
  }

  /** Sweeps every {@code interval} on the event thread, from one interval from now. */
  void startSweeping(ScheduledExecutorService scheduler, Duration interval) {
    long every = interval.toMillis();
    sweeper =
        scheduler.scheduleAtFixedRate(
            () -> events.run(this::sweep), every, every, TimeUnit.MILLISECONDS);
  }

  void stopSweeping() {
    if (sweeper != null) {
      sweeper.cancel(false);
    }
  }

  private void sweep() {
    CoapBoardState.Sweep s = state.sweep(clock.instant());
    for (String id : s.expired()) {
      health.forget(id);
    }
    for (String id : s.reobserve()) {
      LOG.debug("renewing the health observation of {}", id);
      health.observe(id);
    }
  }
}
