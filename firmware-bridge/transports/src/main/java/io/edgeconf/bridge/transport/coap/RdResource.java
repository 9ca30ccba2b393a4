package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.message.Hello;
import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.BoardInfo;
import io.edgeconf.bridge.transport.CoapSettings;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import io.edgeconf.bridge.transport.internal.FloodGuard;
import io.edgeconf.bridge.wire.WireFormatException;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * The resource directory {@code /rd}: {@code POST /rd?ep=<id>&lt=<seconds>} with the board's hello
 * as body registers (or re-registers) a board. Checks everything before anything changes; bad
 * registrations are counted and answered with an error code.
 */
final class RdResource extends CoapResource {
  /** Receives a valid registration; answers the exchange itself. */
  interface Registrar {
    void register(
        BoardInfo info,
        InetSocketAddress address,
        boolean secure,
        Duration lifetime,
        CoapExchange exchange);
  }

  /** Lifetime when a board gives none (as LwM2M). */
  static final Duration DEFAULT_LIFETIME = Duration.ofDays(1);

  private final CoapSettings settings;
  private final Clock clock;
  private final BadInputLog bad;
  private final FloodGuard flood;
  private final Registrar registrar;

  RdResource(CoapSettings settings, Clock clock, BadInputLog bad, Registrar registrar) {
    super("rd");
    this.settings = settings;
    this.clock = clock;
    this.bad = bad;
    this.flood = new FloodGuard(clock, settings.maxRequestsPerSecond(), settings.maxBoards() * 2);
    this.registrar = registrar;
  }

  @Override
  public void handlePOST(CoapExchange exchange) {
    InetSocketAddress source = exchange.getSourceSocketAddress();
    String from = String.valueOf(source);
    if (!flood.allow(from)) {
      bad.report(BadInput.FLOOD, from, "more registrations per second than allowed");
      exchange.respond(ResponseCode.TOO_MANY_REQUESTS);
      return;
    }
    String ep = exchange.getQueryParameter("ep");
    if (ep == null || ep.isEmpty()) {
      refuse(exchange, BadInput.REGISTRATION_MALFORMED, from, "no ep parameter");
      return;
    }
    if (!DeviceId.isValid(ep)) {
      refuse(exchange, BadInput.INVALID_ID, from, "ep breaks [A-Za-z0-9._-]{1,64}");
      return;
    }
    Duration lifetime;
    String lt = exchange.getQueryParameter("lt");
    if (lt == null) {
      lifetime = DEFAULT_LIFETIME;
    } else {
      try {
        long seconds = Long.parseLong(lt);
        if (seconds <= 0) {
          throw new NumberFormatException("not positive");
        }
        lifetime = Duration.ofSeconds(Math.min(seconds, settings.maxLifetime().toSeconds()));
      } catch (NumberFormatException e) {
        refuse(exchange, BadInput.REGISTRATION_MALFORMED, ep, "lt '" + printable(lt) + "'");
        return;
      }
    }
    byte[] body = exchange.getRequestPayload();
    if (body.length > Math.min(settings.maxBodyBytes(), Hello.MAX_BYTES)) {
      bad.report(BadInput.HELLO_OVERSIZED, ep, body.length + " bytes");
      exchange.respond(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    BoardInfo info;
    try {
      Hello hello = Hello.parse(body);
      info =
          BoardInfo.of(
              hello.toAttributes(ep), hello.policy(), hello.maxImage(), false, clock.instant());
    } catch (WireFormatException e) {
      refuse(exchange, BadInput.HELLO_MALFORMED, ep, e.getMessage());
      return;
    }
    if (info.transport() != Transport.COAP) {
      refuse(exchange, BadInput.WRONG_TRANSPORT, ep, "board " + info.board().name());
      return;
    }
    Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
    boolean secure = peer != null;
    if (secure) {
      String identity =
          peer instanceof PreSharedKeyIdentity psk ? psk.getIdentity() : peer.getName();
      if (!ep.equals(identity)) {
        bad.report(BadInput.IDENTITY_MISMATCH, ep, "DTLS identity is '" + identity + "'");
        exchange.respond(ResponseCode.FORBIDDEN);
        return;
      }
    } else if (settings.psks().containsKey(ep)) {
      bad.report(BadInput.IDENTITY_MISMATCH, ep, "has a key but registered without DTLS");
      exchange.respond(ResponseCode.UNAUTHORIZED);
      return;
    }
    registrar.register(info, source, secure, lifetime, exchange);
  }

  private void refuse(CoapExchange exchange, BadInput cause, String source, String detail) {
    bad.report(cause, source, detail);
    exchange.respond(ResponseCode.BAD_REQUEST);
  }

  private static String printable(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return t.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
