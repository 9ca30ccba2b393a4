package io.edgeconf.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.message.Ack;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DTLS-PSK on nRF52840 boards: the right key gets through, a wrong one gets no answer. */
class DtlsIT {
  static {
    CoapConfig.register();
    UdpConfig.register();
    DtlsConfig.register();
  }

  private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

  @TempDir Path dir;

  private static CoapResponse push(InetSocketAddress board, String identity, byte[] key)
      throws Exception {
    Configuration config = Configuration.createStandardWithoutFile();
    config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
    config.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2);
    DTLSConnector connector =
        new DTLSConnector(
            DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key))
                .build());
    CoapEndpoint endpoint =
        new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
    try {
      CoapClient client =
          new CoapClient("coaps://127.0.0.1:" + board.getPort() + "/cfg").setTimeout(8_000L);
      client.setEndpoint(endpoint);
      return client.put(Greenhouse.nrf(), MediaTypeRegistry.APPLICATION_OCTET_STREAM);
    } finally {
      endpoint.destroy();
    }
  }

  @Test
  void theRightKeyIsAnsweredAndAWrongKeyIsNot() throws Exception {
    String prefix = Ids.prefix("dt");
    String id = prefix + "-nrf52840-001";
    Path psk = dir.resolve("psk.txt");
    Files.writeString(psk, "# test keys\n" + id + ":" + HexFormat.of().formatHex(KEY) + "\n");
    try (FakeGateway gateway = new FakeGateway();
        Simulator sim =
            Simulator.start(
                SimulatorOptions.builder()
                    .boards("nrf52840", 2)
                    .idPrefix(prefix)
                    .pskFile(psk)
                    .healthInterval(Duration.ofSeconds(1))
                    .build())) {
      InetSocketAddress board = sim.coapAddress(id).orElseThrow();
      CoapResponse ok = push(board, id, KEY);
      assertEquals(ResponseCode.CHANGED, ok.getCode());
      assertTrue(Ack.parse(ok.getPayload()).applied());

      byte[] wrong = KEY.clone();
      wrong[0] ^= 1;
      assertNull(push(board, id, wrong), "a wrong key gets no answer");
      assertNull(push(board, "someone-else", KEY), "an unknown identity gets no answer");

      // The board without a key speaks plain CoAP.
      try (CoapProbe plain = new CoapProbe()) {
        InetSocketAddress other = sim.coapAddress(prefix + "-nrf52840-002").orElseThrow();
        assertEquals(ResponseCode.CHANGED, plain.push(other, Greenhouse.nrf()).getCode());
      }
    }
  }
}
