package io.edgeconf.sim.internal;

import io.edgeconf.bridge.catalogue.Board;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Californium settings and connectors for simulated nRF52840 boards. The configuration is built
 * without a properties file (libraries.md) and with the board's block size from the catalogue.
 */
final class CoapSetup {
  /** Larger than any board's capacity, so that an oversized image reaches the firmware check. */
  static final int MAX_BODY = 8192;

  static {
    CoapConfig.register();
    UdpConfig.register();
    DtlsConfig.register();
  }

  private CoapSetup() {}

  /** The configuration of a board's endpoint. */
  static Configuration configuration(Board board) {
    Configuration c = Configuration.createStandardWithoutFile();
    c.set(CoapConfig.PREFERRED_BLOCK_SIZE, board.coapBlockSize());
    c.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, MAX_BODY);
    c.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
    c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
    c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
    c.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
    c.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
    return c;
  }

  /** A plain UDP connector whose receiver runs on a worker thread. */
  static Connector udp(InetSocketAddress bind, ThreadFactory threads) {
    return new VirtualUdpConnector(bind, threads);
  }

  /** A DTLS connector with one pre-shared key, its identity the device id, for both roles. */
  static Connector dtls(
      Configuration config,
      InetSocketAddress bind,
      String identity,
      byte[] key,
      ExecutorService executor) {
    DtlsConnectorConfig dtls =
        DtlsConnectorConfig.builder(config)
            .setAddress(bind)
            .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key))
            .build();
    DTLSConnector connector = new DTLSConnector(dtls);
    connector.setExecutor(executor);
    return connector;
  }
}
