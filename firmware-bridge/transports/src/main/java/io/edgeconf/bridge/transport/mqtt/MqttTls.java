package io.edgeconf.bridge.transport.mqtt;

import io.edgeconf.bridge.transport.MqttSettings;
import io.edgeconf.bridge.transport.TransportConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory for a broker connection from the PEM files of {@link MqttSettings}:
 * the board transport uses it, and so does any other client of the same broker that must present
 * the same TLS identity (the agent's management connection). Stateless; thread-safe.
 */
public final class MqttTls {
  private MqttTls() {}

  /**
   * Reads the CA file and the client certificate and key now (each call reads them again).
   *
   * @return a factory trusting the CA file (the JDK's CAs without one) and presenting the client
   *     certificate when there is one
   * @throws TransportConfigException naming the file that cannot be used
   */
  public static SSLSocketFactory socketFactory(MqttSettings settings) {
    try {
      TrustManagerFactory tmf = null;
      if (settings.caFile().isPresent()) {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int i = 0;
        for (Certificate c : certificates(settings.caFile().get())) {
          trust.setCertificateEntry("ca-" + i++, c);
        }
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      KeyManagerFactory kmf = null;
      if (settings.clientCertFile().isPresent()) {
        List<Certificate> chain = certificates(settings.clientCertFile().get());
        PrivateKey key = privateKey(settings.clientKeyFile().orElseThrow());
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        char[] none = new char[0];
        ks.setKeyEntry("client", key, none, chain.toArray(new Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, none);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(
          kmf == null ? null : kmf.getKeyManagers(),
          tmf == null ? null : tmf.getTrustManagers(),
          null);
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new TransportConfigException("cannot set up TLS to the broker: " + e.getMessage(), e);
    }
  }

  private static List<Certificate> certificates(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TransportConfigException("cannot read " + file + ": " + e, e);
    }
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      List<Certificate> out =
          new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (out.isEmpty()) {
        throw new TransportConfigException(file + ": no certificate in it");
      }
      return out;
    } catch (IOException | GeneralSecurityException e) {
      throw new TransportConfigException(file + ": not a PEM certificate file (" + e + ")", e);
    }
  }

  /** An unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}), RSA or EC. */
  private static PrivateKey privateKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new TransportConfigException("cannot read " + file + ": " + e, e);
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new TransportConfigException(
          file + ": expected an unencrypted PKCS#8 key (BEGIN PRIVATE KEY)");
    }
    String body = pem.substring(begin + 27, end).replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new TransportConfigException(file + ": the key is not valid base64 (" + e + ")", e);
    }
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new TransportConfigException(file + ": not an RSA, EC or Ed25519 private key");
  }
}
