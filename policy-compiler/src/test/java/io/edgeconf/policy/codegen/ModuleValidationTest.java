package io.edgeconf.policy.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.edgeconf.bridge.module.WasmSections;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every module the generator emits for the example and workout policies parses and validates in
 * Chicory and, where {@code wasm-validate} (Debian package {@code wabt}) is on the PATH, passes it
 * too. Prints the size of every section (the figures BENCHMARKS.md records).
 */
class ModuleValidationTest {
  static java.util.List<String> policies() {
    return CodegenPolicies.names();
  }

  @ParameterizedTest
  @MethodSource("policies")
  void validatesInChicoryAndWabt(String name) throws Exception {
    GeneratedModule module = CodegenPolicies.module(name);
    Parser.parse(module.bytes());
    var sections = WasmSections.parse(module.bytes()).sections();
    assertEquals("edgeconf.meta", sections.get(sections.size() - 1).name());
    System.out.println(
        name + ": code+data " + module.sizes().codeAndData() + " B; " + module.sizes().summary());
    Path file = Files.createTempFile("edgeconf-", ".wasm");
    try {
      Files.write(file, module.bytes());
      String complaints = wasmValidate(file);
      assertTrue(
          complaints == null || complaints.isEmpty(), name + ": wasm-validate: " + complaints);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The tool's complaints, or null when the tool is not installed. */
  private static String wasmValidate(Path file) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("wasm-validate", file.toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      System.out.println("wasm-validate is not installed (apt-get install wabt): skipped");
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "wasm-validate timed out");
    return p.exitValue() == 0 ? out.strip() : "exit " + p.exitValue() + ": " + out;
  }
}
