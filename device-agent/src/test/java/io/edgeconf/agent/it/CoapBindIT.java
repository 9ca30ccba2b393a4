package io.edgeconf.agent.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.GatewayAgent;
import io.edgeconf.agent.config.AgentConfig;
import io.edgeconf.agent.config.ConfigKeys;
import io.edgeconf.agent.testing.PrivateBroker;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coap-bind}: the agent's CoAP (and CoAP over DTLS) socket is bound to the given address,
 * not the wildcard (read back from the kernel's socket table, /proc/net/udp and udp6), and a board
 * registers through it.
 */
class CoapBindIT {
  @TempDir static Path shared;
  static PrivateBroker broker;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/net/udp")), "needs Linux's /proc/net/udp");
    broker = PrivateBroker.start(shared.resolve("broker"));
  }

  @AfterAll
  static void stopBroker() throws InterruptedException {
    if (broker != null) {
      broker.close();
    }
  }

  private AgentConfig config(String gateway, Map<String, String> keys) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("gateway", gateway);
    all.put("broker", broker.url());
    all.put("state-dir", dir.resolve("state").toString());
    all.put("trust-dir", dir.resolve("trust").toString());
    all.put("device-topic-root", "it/" + gateway + "/d");
    all.putAll(keys);
    var b = AgentConfig.builder();
    all.forEach((k, v) -> ConfigKeys.set(b, k, v));
    return b.build();
  }

  @Test
  void plainCoapIsBoundToTheGivenAddressAndAnswersThere() throws Exception {
    int port = freeUdpPort();
    var config = config("bind-gw", Map.of("coap-bind", "127.0.0.1", "coap-port", "" + port));
    try (var agent = new GatewayAgent(config)) {
      agent.start();
      assertEquals(List.of(InetAddress.getByName("127.0.0.1")), boundAddresses(port));

      CoapConfig.register();
      UdpConfig.register();
      var endpoint =
          new CoapEndpoint.Builder()
              .setConfiguration(Configuration.createStandardWithoutFile())
              .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
              .build();
      var client = new CoapClient("coap://127.0.0.1:" + port + "/rd?ep=bind-nrf-001&lt=60");
      try {
        endpoint.start();
        client.setEndpoint(endpoint);
        client.setTimeout(60_000L);
        CoapResponse r =
            client.post(
                "{\"board\":\"nrf52840\",\"fw\":\"1.0.0\"}", MediaTypeRegistry.APPLICATION_JSON);
        assertTrue(r != null, "no answer from 127.0.0.1:" + port);
        assertEquals(CoAP.ResponseCode.CREATED, r.getCode(), r.getResponseText());
      } finally {
        client.shutdown();
        endpoint.destroy();
      }
      // The registry learns the board from the transport's event, after the answer.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> agent.router().handle("devices", "{}".getBytes(), "test"),
              d -> d.path("devices").findValuesAsText("id").contains("bind-nrf-001"));
      JsonNode device = agent.router().handle("devices", "{}".getBytes(), "test").path("devices");
      assertEquals("coap", device.get(0).path("transport").asText(), device.toString());
    }
  }

  @Test
  void dtlsIsBoundToTheGivenAddressToo() throws Exception {
    int port = freeUdpPort();
    Path psk =
        Files.writeString(
            dir.resolve("psk.txt"), "bind-nrf-002:000102030405060708090a0b0c0d0e0f\n");
    var config =
        config(
            "bind-dtls",
            Map.of("coap-bind", "127.0.0.1", "coap-port", "" + port, "psk-file", psk.toString()));
    try (var agent = new GatewayAgent(config)) {
      agent.start();
      assertEquals(List.of(InetAddress.getByName("127.0.0.1")), boundAddresses(port));
    }
  }

  @Test
  void withoutCoapBindTheEndpointTakesEveryInterface() throws Exception {
    int port = freeUdpPort();
    try (var agent = new GatewayAgent(config("bind-any", Map.of("coap-port", "" + port)))) {
      agent.start();
      List<InetAddress> bound = boundAddresses(port);
      assertEquals(1, bound.size(), bound.toString());
      assertTrue(bound.get(0).isAnyLocalAddress(), bound.toString());
    }
  }

  @Test
  void anAddressThatIsNotHereOrAnUnknownHostStopsTheStart() throws Exception {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
    try (var agent = new GatewayAgent(config("bind-away", Map.of("coap-bind", "192.0.2.1")))) {
      var e = assertThrows(AgentException.class, agent::start);
      assertTrue(e.getMessage().contains("cannot bind the CoAP ports"), e.getMessage());
      assertTrue(e.getMessage().contains("192.0.2.1"), e.getMessage());
    }
    try (var agent =
        new GatewayAgent(config("bind-unknown", Map.of("coap-bind", "no-such-host.invalid")))) {
      var e = assertThrows(AgentException.class, agent::start);
      assertEquals(ErrorCode.MALFORMED, e.code());
      assertTrue(e.getMessage().contains("coap-bind 'no-such-host.invalid'"), e.getMessage());
    }
  }

  private static int freeUdpPort() throws IOException {
    try (var s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      return s.getLocalPort();
    }
  }

  /** The local addresses of the UDP sockets bound to this port, from the kernel's tables. */
  private static List<InetAddress> boundAddresses(int port) throws IOException {
    List<InetAddress> out = new ArrayList<>();
    for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
      Path p = Path.of(table);
      if (!Files.isReadable(p)) {
        continue;
      }
      for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
        String local = line.strip().split("\\s+")[1];
        int colon = local.indexOf(':');
        if (Integer.parseInt(local.substring(colon + 1), 16) == port) {
          out.add(address(local.substring(0, colon)));
        }
      }
    }
    return out;
  }

  /** The kernel prints each 32-bit word of the address in host byte order. */
  private static InetAddress address(String hex) throws IOException {
    byte[] raw = HexFormat.of().parseHex(hex);
    if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
      for (int w = 0; w < raw.length; w += 4) {
        for (int i = 0; i < 2; i++) {
          byte t = raw[w + i];
          raw[w + i] = raw[w + 3 - i];
          raw[w + 3 - i] = t;
        }
      }
    }
    return InetAddress.getByAddress(raw);
  }
}
