package io.edgeconf.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway PKI made with {@code openssl} at test time (P-256 keys, valid two days): a CA, a
 * server certificate for 127.0.0.1 and localhost, and a client certificate, as PEM files (keys
 * unencrypted PKCS#8) in the given directory. Nothing of it is ever committed.
 */
public final class TestPki {
  public final Path caCert;
  public final Path serverCert;
  public final Path serverKey;
  public final Path clientCert;
  public final Path clientKey;
  private final Path dir;

  private TestPki(Path dir) {
    this.dir = dir;
    caCert = dir.resolve("ca.pem");
    serverCert = dir.resolve("server.pem");
    serverKey = dir.resolve("server.key");
    clientCert = dir.resolve("client.pem");
    clientKey = dir.resolve("client.key");
  }

  /** Makes a CA named {@code name} and the certificates it signs. */
  public static TestPki create(Path dir, String name) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    var p = new TestPki(dir);
    p.key("ca.key");
    p.openssl(
        "req",
        "-x509",
        "-new",
        "-key",
        "ca.key",
        "-subj",
        "/CN=" + name,
        "-days",
        "2",
        "-out",
        "ca.pem",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign");
    p.signed(
        "server",
        "/CN=localhost",
        "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n"
            + "extendedKeyUsage=serverAuth\n");
    p.signed(
        "client",
        "/CN=" + name + "-client",
        "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n");
    return p;
  }

  /**
   * A socket factory for a test's own client, built without the product's PEM code: trusts this CA
   * and presents the client certificate (through a PKCS#12 file openssl makes).
   */
  public SSLSocketFactory clientSocketFactory()
      throws IOException, InterruptedException, GeneralSecurityException {
    openssl(
        "pkcs12",
        "-export",
        "-in",
        "client.pem",
        "-inkey",
        "client.key",
        "-out",
        "client.p12",
        "-passout",
        "pass:test");
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("client.p12"))) {
      keys.load(in, "test".toCharArray());
    }
    var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "test".toCharArray());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(caCert)) {
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx.getSocketFactory();
  }

  private void key(String file) throws IOException, InterruptedException {
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file);
  }

  private void signed(String name, String subject, String extensions)
      throws IOException, InterruptedException {
    key(name + ".key");
    openssl("req", "-new", "-key", name + ".key", "-subj", subject, "-out", name + ".csr");
    Files.writeString(dir.resolve(name + ".ext"), extensions);
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-out",
        name + ".pem",
        "-extfile",
        name + ".ext");
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + out);
    }
  }
}
