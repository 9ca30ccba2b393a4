package io.edgeconf.sim.internal;

import io.edgeconf.bridge.message.Health;
import java.util.function.Supplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** {@code GET /health}, observable: each report the board makes is a notification. */
final class HealthResource extends CoapResource {
  private final Supplier<Health> current;
  private volatile Health last;

  HealthResource(Supplier<Health> current) {
    super("health");
    this.current = current;
    setObservable(true);
    getAttributes().setObservable();
  }

  /** Publishes a report to the observers. */
  void report(Health health) {
    last = health;
    changed();
  }

  @Override
  public void handleGET(CoapExchange exchange) {
    Health h = last != null ? last : current.get();
    exchange.respond(ResponseCode.CONTENT, h.toJson(), MediaTypeRegistry.APPLICATION_JSON);
  }
}
