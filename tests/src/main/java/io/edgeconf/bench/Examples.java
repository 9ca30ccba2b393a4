package io.edgeconf.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's {@code examples/} directory: the system property {@code
 * edgeconf.examples.dir}, else {@code examples} or {@code ../examples} relative to the working
 * directory (scripts/bench runs from the repository root, failsafe from {@code tests/}).
 */
public final class Examples {
  /** The system property naming the examples directory. */
  public static final String PROPERTY = "edgeconf.examples.dir";

  private Examples() {}

  /** The examples directory. */
  public static Path dir() {
    String p = System.getProperty(PROPERTY);
    if (p != null) {
      return Path.of(p);
    }
    for (Path candidate : new Path[] {Path.of("examples"), Path.of("..", "examples")}) {
      if (Files.isRegularFile(candidate.resolve("greenhouse.policy"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "cannot find examples/greenhouse.policy; run from the repository or set -D" + PROPERTY);
  }

  /** The text of {@code examples/NAME.policy}. */
  public static String policy(String name) {
    try {
      return Files.readString(dir().resolve(name + ".policy"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
