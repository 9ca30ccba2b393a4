package io.edgeconf.security;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.MessageCallback;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * A hostile DTLS-PSK client (Scandium): each attempt is a full handshake with the gateway from a
 * fresh UDP port, so the gateway sees a new peer every time, carrying one CoAP message. Short
 * retransmission settings: it does not wait for the gateway to give up, only for its own verdict.
 * Thread-safe; one attempt per call.
 */
final class DtlsAttacker {
  static {
    CoapConfig.register();
    UdpConfig.register();
    DtlsConfig.register();
  }

  /** How one handshake attempt ended. */
  record Attempt(boolean established, boolean sentFinished, String failure) {}

  private final InetSocketAddress gateway;
  private final Configuration config;

  DtlsAttacker(InetSocketAddress gateway) {
    this.gateway = gateway;
    config = Configuration.createStandardWithoutFile();
    config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
    config.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
    config.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 500, TimeUnit.MILLISECONDS);
    config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
    config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
  }

  /**
   * One handshake as {@code identity} with {@code key}, then {@code message} if it succeeds.
   *
   * @return whether the handshake succeeded; if not, whether the client got as far as sending its
   *     Finished (flight 5: the gateway then holds a handshake for this peer until it fails) and
   *     why it failed
   */
  Attempt attempt(String identity, byte[] key, byte[] message) throws Exception {
    DTLSConnector connector =
        new DTLSConnector(
            DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key))
                .setLoggingTag("[hostile] ")
                .build());
    connector.setRawDataReceiver(data -> {});
    var result = new CompletableFuture<Attempt>();
    try {
      connector.start();
      connector.send(
          RawData.outbound(
              message,
              new AddressEndpointContext(gateway),
              new MessageCallback() {
                @Override
                public void onConnecting() {}

                @Override
                public void onDtlsRetransmission(int flight) {}

                @Override
                public void onContextEstablished(EndpointContext context) {
                  result.complete(new Attempt(true, true, ""));
                }

                @Override
                public void onSent() {
                  result.complete(new Attempt(true, true, ""));
                }

                @Override
                public void onError(Throwable error) {
                  String text = error.getClass().getSimpleName() + ": " + error.getMessage();
                  result.complete(new Attempt(false, text.contains("flight 5"), text));
                }
              },
              false));
      return result.get(60, TimeUnit.SECONDS);
    } finally {
      connector.destroy();
    }
  }
}
