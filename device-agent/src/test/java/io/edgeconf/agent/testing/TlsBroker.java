package io.edgeconf.agent.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A private Mosquitto (like {@link PrivateBroker}) with only a TLS listener on 127.0.0.1 that
 * requires a client certificate of the test CA and a user name and password. Logs every event to
 * {@code mosquitto.log}, which {@link #log()} reads.
 */
public final class TlsBroker implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final Process process;

  private TlsBroker(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** Starts Mosquitto on a free port with the PKI's CA and server certificate, and one user. */
  public static TlsBroker start(Path dir, TestPki pki, String user, String password)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path passwd = dir.resolve("passwd");
    Process pw =
        new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwd.toString(), user, password)
            .redirectErrorStream(true)
            .start();
    String out = new String(pw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (pw.waitFor() != 0) {
      throw new IOException("mosquitto_passwd failed: " + out);
    }
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path conf = dir.resolve("mosquitto.conf");
    // "user root": when the test runs as root, Mosquitto would otherwise drop to an account that
    // cannot read the test's private directory (no effect for any other user).
    Files.writeString(
        conf,
        String.join(
            "\n",
            "user root",
            "per_listener_settings false",
            "allow_anonymous false",
            "password_file " + passwd,
            "persistence false",
            "log_type all",
            "log_dest file " + dir.resolve("mosquitto.log"),
            "listener " + port + " 127.0.0.1",
            "cafile " + pki.caCert,
            "certfile " + pki.serverCert,
            "keyfile " + pki.serverKey,
            "require_certificate true",
            ""));
    Process process =
        new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mosquitto.out").toFile())
            .start();
    var broker = new TlsBroker(dir, port, process);
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () -> {
              try (var s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
              }
            });
    return broker;
  }

  public String url() {
    return "ssl://127.0.0.1:" + port;
  }

  /** What Mosquitto logged so far. */
  public String log() throws IOException {
    Path log = dir.resolve("mosquitto.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }
}
