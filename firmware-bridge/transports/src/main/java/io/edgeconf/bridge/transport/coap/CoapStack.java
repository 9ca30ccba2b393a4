package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.catalogue.Board;
import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.transport.CoapSettings;
import io.edgeconf.bridge.transport.TransportStartException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.observe.NotificationListener;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;

/**
 * The gateway's Californium server: a plain and/or a DTLS endpoint, configured in code (no
 * properties file), on the injected executors.
 */
final class CoapStack {
  private final CoapServer server;
  private final CoapEndpoint plain;
  private final CoapEndpoint secure;
  private final DTLSConnector dtls;

  CoapStack(
      CoapSettings settings,
      ScheduledExecutorService executor,
      GatewayPskStore pskStore,
      HandshakeHealth health,
      EstablishedSessions sessions,
      CoapResource... resources) {
    Configuration config = configuration(settings);
    server = new CoapServer(config);
    if (settings.port() >= 0) {
      plain =
          new CoapEndpoint.Builder()
              .setConfiguration(config)
              .setInetSocketAddress(new InetSocketAddress(settings.bindHost(), settings.port()))
              .setLoggingTag("[gw-coap] ")
              .build();
      server.addEndpoint(plain);
    } else {
      plain = null;
    }
    if (settings.dtlsPort() >= 0) {
      DtlsConnectorConfig dc =
          new DtlsConnectorConfig.Builder(config)
              .setAddress(new InetSocketAddress(settings.bindHost(), settings.dtlsPort()))
              .setAdvancedPskStore(pskStore)
              .setHealthHandler(health)
              .setConnectionListener(sessions)
              .setLoggingTag("[gw-dtls] ")
              .build();
      dtls = new DTLSConnector(dc);
      secure =
          new CoapEndpoint.Builder()
              .setConfiguration(config)
              .setConnector(dtls)
              .setLoggingTag("[gw-coaps] ")
              .build();
      server.addEndpoint(secure);
    } else {
      dtls = null;
      secure = null;
    }
    for (CoapResource r : resources) {
      server.add(r);
    }
    server.setExecutors(executor, executor, true);
  }

  /** The block size of pushes: the smallest of the catalogue's CoAP boards. */
  static int blockSize() {
    return BoardCatalogue.all().stream()
        .filter(b -> b.transport() == Transport.COAP)
        .mapToInt(Board::coapBlockSize)
        .min()
        .orElse(1024);
  }

  static Configuration configuration(CoapSettings s) {
    CoapConfig.register();
    UdpConfig.register();
    DtlsConfig.register();
    Configuration c = Configuration.createStandardWithoutFile();
    int block = blockSize();
    // A body larger than one block goes block-wise (Block1) in blocks of the board's size.
    c.set(CoapConfig.PREFERRED_BLOCK_SIZE, block);
    c.set(CoapConfig.MAX_MESSAGE_SIZE, block);
    // Twice the limit, so that the resource sees (and counts) moderately oversized bodies itself.
    c.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, s.maxBodyBytes() * 2);
    c.set(CoapConfig.ACK_TIMEOUT, (int) s.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    c.set(CoapConfig.MAX_RETRANSMIT, s.maxRetransmit());
    c.set(CoapConfig.MAX_ACTIVE_PEERS, Math.max(100, s.maxBoards() * 2));
    c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
    c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
    c.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.BOTH);
    c.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
    c.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
    c.set(DtlsConfig.DTLS_MAX_CONNECTIONS, Math.max(100, s.maxBoards() * 2));
    c.set(
        DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT,
        (int) s.ackTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
    return c;
  }

  void start() {
    try {
      server.start();
    } catch (IllegalStateException e) {
      // Californium says only that no endpoint started; the address tells the operator why.
      throw new TransportStartException(
          "cannot bind the CoAP ports (" + describe() + "): " + e.getMessage(), e);
    }
    if ((plain != null && !plain.isStarted()) || (secure != null && !secure.isStarted())) {
      server.destroy();
      throw new TransportStartException(
          "cannot bind the CoAP ports (" + describe() + ")", new IOException("bind failed"));
    }
  }

  private String describe() {
    return (plain == null ? "" : "coap " + plain.getAddress())
        + (secure == null ? "" : " coaps " + secure.getAddress());
  }

  /**
   * Receives Observe notifications after the first response. Californium 3 hands those to the
   * endpoints' notification listeners, not to the observe request's message observers.
   */
  void addNotificationListener(NotificationListener listener) {
    if (plain != null) {
      plain.addNotificationListener(listener);
    }
    if (secure != null) {
      secure.addNotificationListener(listener);
    }
  }

  Endpoint endpoint(boolean dtlsEndpoint) {
    return dtlsEndpoint ? secure : plain;
  }

  /** The bound plain port, or -1. */
  int port() {
    return plain == null ? -1 : plain.getAddress().getPort();
  }

  /** The bound DTLS port, or -1. */
  int dtlsPort() {
    return secure == null ? -1 : secure.getAddress().getPort();
  }

  /** Drops the DTLS session with a peer, so that the next request starts a full handshake. */
  void forgetSession(InetSocketAddress peer) {
    if (dtls != null) {
      dtls.close(peer);
    }
  }

  void destroy() {
    server.destroy();
  }
}
