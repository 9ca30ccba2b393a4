package io.edgeconf.agent.config;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the agent authenticates to an external broker and authenticates it: a user name and a file
 * holding the password, the CA of the broker's certificate, a client certificate and its key. Holds
 * paths, never the password itself (so no log or {@code toString} shows it). Immutable; validated
 * at construction.
 *
 * @param username the broker user ({@code broker-username}), empty for none
 * @param passwordFile the file holding the password ({@code broker-password-file}), empty for none
 * @param caFile PEM CA certificate(s) of the broker ({@code broker-ca-file}), empty for the JDK's
 * @param certFile PEM client certificate chain ({@code broker-cert-file}), empty for none
 * @param keyFile PEM unencrypted PKCS#8 key of the client certificate ({@code broker-key-file})
 */
public record BrokerAuth(
    Optional<String> username,
    Optional<Path> passwordFile,
    Optional<Path> caFile,
    Optional<Path> certFile,
    Optional<Path> keyFile) {
  /** No credentials, the JDK's CAs. */
  public static final BrokerAuth NONE =
      new BrokerAuth(Optional.empty(), Optional.empty(), Optional.empty(), null, null);

  public BrokerAuth {
    username = username == null ? Optional.empty() : username.filter(u -> !u.isEmpty());
    passwordFile = passwordFile == null ? Optional.empty() : passwordFile;
    caFile = caFile == null ? Optional.empty() : caFile;
    certFile = certFile == null ? Optional.empty() : certFile;
    keyFile = keyFile == null ? Optional.empty() : keyFile;
    if (passwordFile.isPresent() && username.isEmpty()) {
      throw invalid(
          "broker-password-file is set but broker-username is not: a password needs a user");
    }
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw invalid(
          certFile.isPresent()
              ? "broker-cert-file is set but broker-key-file is not: a client certificate needs its"
                  + " key"
              : "broker-key-file is set but broker-cert-file is not: a key needs its client"
                  + " certificate");
    }
  }

  /**
   * Checks a broker URL: its scheme, and that TLS files come with a TLS broker (they would be
   * ignored with a plain one while the operator believes the link is secured, and a password would
   * travel in clear).
   *
   * @throws AgentException ({@code malformed}) naming {@code broker} and the URL
   */
  public void checkBroker(String url) {
    checkUrl(url);
    if (hasTlsFiles() && !url.matches("(ssl|mqtts)://.+")) {
      throw invalid(
          "broker-ca-file, broker-cert-file and broker-key-file need an ssl:// or mqtts:// broker,"
              + " but broker is '"
              + url
              + "'");
    }
  }

  /**
   * Checks a broker URL's scheme: {@code tcp://} or {@code mqtt://}, {@code ssl://} or {@code
   * mqtts://} for TLS.
   *
   * @throws AgentException ({@code malformed}) naming {@code broker} and the URL
   */
  public static void checkUrl(String url) {
    if (url == null || !url.matches("(tcp|ssl|mqtt|mqtts)://.+")) {
      throw invalid(
          "broker '" + url + "' must be tcp://HOST:PORT or ssl://HOST:PORT (or mqtt://, mqtts://)");
    }
  }

  /** Whether any TLS file is set (they only mean something with an {@code ssl://} broker). */
  public boolean hasTlsFiles() {
    return caFile.isPresent() || certFile.isPresent();
  }

  /** Whether any setting differs from {@link #NONE}. */
  public boolean isSet() {
    return username.isPresent() || passwordFile.isPresent() || hasTlsFiles();
  }

  /**
   * Reads the password file: its UTF-8 text without the trailing line break(s).
   *
   * @return empty without a password file
   * @throws AgentException ({@code malformed}) naming the key and the file when it cannot be read
   *     or holds no password
   */
  public Optional<String> readPassword() {
    if (passwordFile.isEmpty()) {
      return Optional.empty();
    }
    Path file = passwordFile.get();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AgentException(
          ErrorCode.MALFORMED, "broker-password-file " + file + " cannot be read: " + e, e);
    }
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    if (end == 0) {
      throw new AgentException(
          ErrorCode.MALFORMED, "broker-password-file " + file + " holds no password (it is empty)");
    }
    return Optional.of(text.substring(0, end));
  }

  private static AgentException invalid(String message) {
    return new AgentException(ErrorCode.MALFORMED, "configuration: " + message);
  }
}
