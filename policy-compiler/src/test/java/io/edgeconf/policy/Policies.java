package io.edgeconf.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.edgeconf.policy.model.CheckedPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: load example and test policies, compile them expecting success. */
public final class Policies {
  /** The repository's examples directory (tests run in the module directory). */
  public static final Path EXAMPLES = Path.of("..", "examples");

  private Policies() {}

  public static String example(String name) {
    try {
      return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String resource(String name) {
    try (InputStream in = Policies.class.getResourceAsStream("/policies/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test policy " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FrontEndResult compile(String name, String source) {
    return PolicyFrontEnd.compile(name, source);
  }

  /** Compiles and fails the test with the rendered diagnostics when there is an error. */
  public static CheckedPolicy ok(String name, String source) {
    FrontEndResult r = PolicyFrontEnd.compile(name, source);
    if (!r.ok()) {
      fail("expected " + name + " to compile:\n" + r.diagnostics().render());
    }
    assertTrue(r.metadata().isPresent());
    return r.policy().orElseThrow();
  }

  public static CheckedPolicy greenhouse() {
    return ok("greenhouse.policy", example("greenhouse.policy"));
  }
}
