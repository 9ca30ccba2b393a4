package io.edgeconf.agent.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Mosquitto process of this test alone on an ephemeral port (no persistence), so the agent sees
 * only the test's boards and the test can stop and restart the broker.
 */
public final class PrivateBroker implements AutoCloseable {
  private final Path dir;
  private final int port;
  private Process process;

  private PrivateBroker(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts Mosquitto on a free port. */
  public static PrivateBroker start(Path dir) throws IOException {
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var b = new PrivateBroker(dir, port);
    b.restart();
    return b;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Starts the process again (after {@link #stop()}), on the same port. */
  public void restart() throws IOException {
    Files.createDirectories(dir);
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(
        conf,
        "listener "
            + port
            + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
            + "max_queued_messages 10000\n");
    process =
        new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mosquitto.log").toFile())
            .start();
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
  }

  /** Kills the process (its retained messages are lost). */
  public void stop() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
