package io.edgeconf.policy.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: the {@code .wat} text of every example and workout module, checked in under {@code
 * src/test/resources/golden/}, so that a change to the generated code shows in review.
 *
 * <p>When code generation changes on purpose (or an example changes), regenerate them with {@code
 * ./mvnw -pl policy-compiler -am test -Dtest=GoldenWatTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff. A missing golden file is written
 * and the test fails once, asking for it to be committed.
 */
class GoldenWatTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  static java.util.List<String> policies() {
    return CodegenPolicies.names();
  }

  @ParameterizedTest
  @MethodSource("policies")
  void watMatchesTheGoldenFile(String name) throws Exception {
    String wat = CodegenPolicies.module(name).wat();
    Path file = GOLDEN.resolve(name.replace("codegen/", "").replace(".policy", ".wat"));
    boolean update = Boolean.getBoolean("golden.update");
    if (update || !Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, wat, StandardCharsets.UTF_8);
      assertTrue(update, file + " did not exist and was written: review and commit it");
      return;
    }
    assertEquals(
        Files.readString(file, StandardCharsets.UTF_8),
        wat,
        name
            + ": generated code differs from "
            + file
            + " (regenerate with -Dgolden.update=true if intended)");
  }
}
