package io.edgeconf.sim;

import io.edgeconf.bridge.message.Ack;
import java.net.InetSocketAddress;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/** A real Californium client, as the gateway's would be: block-wise pushes, GETs, POSTs. */
final class CoapProbe implements AutoCloseable {
  static {
    CoapConfig.register();
    UdpConfig.register();
    DtlsConfig.register();
  }

  private final CoapEndpoint endpoint;

  CoapProbe() {
    Configuration config = Configuration.createStandardWithoutFile();
    config.set(CoapConfig.PREFERRED_BLOCK_SIZE, 64);
    config.set(CoapConfig.MAX_MESSAGE_SIZE, 64);
    endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(config)
            .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
            .build();
  }

  CoapClient client(InetSocketAddress board, String path) {
    CoapClient c =
        new CoapClient("coap://127.0.0.1:" + board.getPort() + "/" + path).setTimeout(20_000L);
    c.setEndpoint(endpoint);
    return c;
  }

  /** Pushes an image; the response, or null when none came. */
  CoapResponse push(InetSocketAddress board, byte[] image) throws Exception {
    return client(board, "cfg").put(image, MediaTypeRegistry.APPLICATION_OCTET_STREAM);
  }

  static Ack ack(CoapResponse response) {
    return Ack.parse(response.getPayload());
  }

  @Override
  public void close() {
    endpoint.destroy();
  }
}
