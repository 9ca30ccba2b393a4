package io.edgeconf.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeconf.bridge.transport.TransportConfigException;
import io.edgeconf.sim.BrokerAccess;
import io.edgeconf.sim.Simulator;
import io.edgeconf.sim.SimulatorException;
import io.edgeconf.sim.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every client of the simulator's broker gets its options from one place: the login, and a TLS
 * socket factory made once from the PEM files and shared, so the files are read once for any number
 * of boards.
 */
class BrokerClientsTest {
  @TempDir Path dir;

  /** A PEM CA file made from one of the JDK's CA certificates (no openssl needed). */
  private Path jdkCaFile() throws Exception {
    var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    X509Certificate[] cas = ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();
    assumeTrue(cas.length > 0, "the JDK has no CA certificates");
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(cas[0].getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    return Files.writeString(dir.resolve("ca.pem"), pem);
  }

  private static BrokerAccess tls(Path ca) {
    return new BrokerAccess(
        "mqtts://127.0.0.1:8883",
        Optional.of("sim"),
        Optional.of("pw"),
        Optional.of(ca),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void theTlsFilesAreReadOnceAndTheFactoryIsShared() throws Exception {
    Path ca = jdkCaFile();
    try (var threads = new SimThreads()) {
      var clients = new BrokerClients(tls(ca), threads);
      Files.delete(ca); // read already: later clients do not need it
      var first = clients.options();
      var second = clients.options();
      assertNotNull(first.getSocketFactory());
      assertSame(first.getSocketFactory(), second.getSocketFactory());
      assertTrue(first.isHttpsHostnameVerificationEnabled());
      assertTrue(first.isCleanStart());
      assertEquals("sim", first.getUserName());
      assertEquals("ssl://127.0.0.1:8883", clients.url());
      var board = clients.newClient("edgeconf-sim-sim-esp32-001");
      assertEquals("ssl://127.0.0.1:8883", board.getServerURI());
      board.close(true);
    }
  }

  @Test
  void aPlainBrokerHasNoSocketFactory() {
    try (var threads = new SimThreads()) {
      var clients = new BrokerClients(BrokerAccess.of("mqtt://127.0.0.1:1883"), threads);
      assertNull(clients.options().getSocketFactory());
      assertEquals("tcp://127.0.0.1:1883", clients.url());
    }
  }

  @Test
  void anUnusableCaFileIsNamedBeforeAnyConnection() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    try (var threads = new SimThreads()) {
      var e =
          assertThrows(
              TransportConfigException.class, () -> new BrokerClients(tls(garbage), threads));
      assertTrue(e.getMessage().contains(garbage.toString()), e.getMessage());
    }
    var options = SimulatorOptions.builder().boards("esp32", 2).broker(tls(garbage)).build();
    var e = assertThrows(SimulatorException.class, () -> Simulator.start(options));
    assertTrue(
        e.getMessage().startsWith("broker ssl://127.0.0.1:8883: " + garbage + ": "),
        e.getMessage());
    assertInstanceOf(TransportConfigException.class, e.getCause());
  }
}
