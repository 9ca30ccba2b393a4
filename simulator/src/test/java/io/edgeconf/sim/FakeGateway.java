package io.edgeconf.sim;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/** A real CoAP server on 127.0.0.1 with the gateway's {@code /rd}: records registrations. */
final class FakeGateway implements AutoCloseable {
  static {
    CoapConfig.register();
    UdpConfig.register();
    DtlsConfig.register();
  }

  /** One registration. */
  record Registration(String ep, String lt, String body, InetSocketAddress source) {}

  private final CoapServer server;
  private final ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();
  private final Map<String, InetSocketAddress> latest = new ConcurrentHashMap<>();

  FakeGateway() {
    Configuration config = Configuration.createStandardWithoutFile();
    server = new CoapServer(config);
    server.addEndpoint(
        new CoapEndpoint.Builder()
            .setConfiguration(config)
            .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
            .build());
    server.add(
        new CoapResource("rd") {
          @Override
          public void handlePOST(CoapExchange exchange) {
            Map<String, String> q = new java.util.HashMap<>();
            for (String item : exchange.getRequestOptions().getUriQuery()) {
              int eq = item.indexOf('=');
              q.put(item.substring(0, eq), item.substring(eq + 1));
            }
            Registration r =
                new Registration(
                    q.get("ep"),
                    q.get("lt"),
                    exchange.getRequestText(),
                    exchange.getSourceSocketAddress());
            registrations.add(r);
            latest.put(r.ep(), r.source());
            exchange.setLocationPath("rd/" + r.ep());
            exchange.respond(ResponseCode.CREATED);
          }
        });
    server.start();
  }

  String hostPort() {
    return "127.0.0.1:" + server.getEndpoints().get(0).getAddress().getPort();
  }

  List<Registration> registrations(String ep) {
    return registrations.stream().filter(r -> ep.equals(r.ep())).toList();
  }

  InetSocketAddress addressOf(String ep) {
    return latest.get(ep);
  }

  @Override
  public void close() {
    server.destroy();
  }
}
