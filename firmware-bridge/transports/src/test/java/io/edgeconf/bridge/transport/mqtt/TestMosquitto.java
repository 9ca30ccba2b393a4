package io.edgeconf.bridge.transport.mqtt;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Mosquitto process of one test on 127.0.0.1 (no persistence, so a restart loses retained
 * messages), started from a config file with the test's extra lines; its log goes to {@code
 * target/<name>-mosquitto.log}.
 */
final class TestMosquitto {
  private TestMosquitto() {}

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts Mosquitto on this port and waits until it listens. */
  static Process start(String name, int port, String... extraConfig) throws Exception {
    Path conf = Files.createTempFile(name, ".conf");
    conf.toFile().deleteOnExit();
    Files.writeString(
        conf,
        "listener "
            + port
            + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
            + String.join("\n", extraConfig)
            + "\n");
    Process p =
        new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", name + "-mosquitto.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
              } catch (IOException e) {
                return false;
              }
            });
    return p;
  }
}
