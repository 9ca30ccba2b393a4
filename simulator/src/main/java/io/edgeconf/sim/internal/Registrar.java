package io.edgeconf.sim.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a CoAP board with the gateway from the board's own endpoint ({@code POST
 * /rd?ep=ID&lt=SECONDS} with the hello as JSON), and again at three quarters of the lifetime; after
 * a failure it retries sooner. Thread-safe.
 */
final class Registrar {
  private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

  private final String id;
  private final Endpoint endpoint;
  private final String gatewayUri;
  private final Supplier<byte[]> hello;
  private final Duration lifetime;
  private final ScheduledExecutorService timer;
  private final Consumer<Boolean> outcome;
  private ScheduledFuture<?> next;
  private boolean active;
  private volatile boolean registered;

  /**
   * @param gatewayUri {@code coap://HOST:PORT} or {@code coaps://HOST:PORT}
   * @param outcome told whether each registration succeeded
   */
  Registrar(
      String id,
      Endpoint endpoint,
      String gatewayUri,
      Supplier<byte[]> hello,
      Duration lifetime,
      ScheduledExecutorService timer,
      Consumer<Boolean> outcome) {
    this.id = id;
    this.endpoint = endpoint;
    this.gatewayUri = gatewayUri;
    this.hello = hello;
    this.lifetime = lifetime;
    this.timer = timer;
    this.outcome = outcome;
  }

  /** Registers now and keeps the registration alive. */
  synchronized void start() {
    active = true;
    schedule(Duration.ZERO);
  }

  /** Stops registering (the registration lapses at the gateway). */
  synchronized void stop() {
    active = false;
    registered = false;
    if (next != null) {
      next.cancel(false);
    }
  }

  boolean registered() {
    return registered;
  }

  private synchronized void schedule(Duration delay) {
    if (!active) {
      return;
    }
    if (next != null) {
      next.cancel(false);
    }
    next = timer.schedule(this::register, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Duration refresh() {
    return Duration.ofMillis(Math.max(1000, lifetime.toMillis() * 3 / 4));
  }

  private void register() {
    Request request = Request.newPost();
    request.setURI(gatewayUri + "/rd");
    request.getOptions().addUriQuery("ep=" + id).addUriQuery("lt=" + lifetime.toSeconds());
    request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
    request.setPayload(hello.get());
    request.addMessageObserver(
        new MessageObserverAdapter() {
          @Override
          public void onResponse(Response response) {
            boolean ok = response.isSuccess();
            registered = ok;
            outcome.accept(ok);
            if (!ok) {
              LOG.debug("{}: registration answered {}", id, response.getCode());
            }
            schedule(ok ? refresh() : retry());
          }

          @Override
          protected void failed() {
            // timeout, reject, cancel or send error
            registered = false;
            LOG.debug("{}: registration failed", id);
            schedule(retry());
          }
        });
    try {
      endpoint.sendRequest(request);
    } catch (RuntimeException e) {
      registered = false;
      LOG.debug("{}: cannot register: {}", id, e.toString());
      schedule(retry());
    }
  }

  private Duration retry() {
    Duration r = refresh();
    return r.compareTo(Duration.ofSeconds(5)) < 0 ? r : Duration.ofSeconds(5);
  }
}
