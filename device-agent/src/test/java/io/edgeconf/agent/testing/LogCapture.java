package io.edgeconf.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Copies what is written to {@code System.err} (where slf4j-simple logs, looking the stream up at
 * every line) while open, and restores the stream on close. For tests that check a log line.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  public LogCapture() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (copy) {
              copy.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (copy) {
              copy.write(b, off, len);
            }
            original.write(b, off, len);
          }

          @Override
          public void flush() {
            original.flush();
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** The lines captured so far. */
  public List<String> lines() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
