package io.edgeconf.policy.codegen;

import io.edgeconf.policy.FrontEndResult;
import io.edgeconf.policy.PolicyFrontEnd;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The policies the code generator tests run over: every {@code examples/*.policy} of the repository
 * and the workouts under {@code src/test/resources/codegen/}.
 */
final class CodegenPolicies {
  static final List<String> WORKOUTS = List.of("features.policy", "textenum.policy");

  private CodegenPolicies() {}

  /** File name to source, examples first, in name order. */
  static Map<String, String> all() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".policy")).sorted().toList()) {
        out.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String w : WORKOUTS) {
      out.put("codegen/" + w, resource(w));
    }
    return out;
  }

  /** The names of {@link #all()}, for parameterized tests. */
  static List<String> names() {
    return new ArrayList<>(all().keySet());
  }

  /** Compiles one of {@link #all()} through the front end, failing with its diagnostics. */
  static FrontEndResult frontEnd(String name) {
    var r = PolicyFrontEnd.compile(name, all().get(name));
    if (!r.ok()) {
      throw new AssertionError(name + " does not compile:\n" + r.diagnostics().render());
    }
    return r;
  }

  /** The generated module of one of {@link #all()}. */
  static GeneratedModule module(String name) {
    var r = frontEnd(name);
    return ModuleGenerator.generate(r.orThrow(), r.metadata().orElseThrow());
  }

  private static String resource(String name) {
    try (InputStream in = CodegenPolicies.class.getResourceAsStream("/codegen/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
