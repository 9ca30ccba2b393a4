package io.edgeconf.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every example policy compiles without errors; the examples are documented. */
class ExamplesTest {
  @Test
  void everyExampleCompiles() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Policies.EXAMPLES)) {
      files = s.filter(p -> p.toString().endsWith(".policy")).sorted().toList();
    }
    assertTrue(files.size() >= 4, "examples: " + files);
    String readme = Files.readString(Policies.EXAMPLES.resolve("README.md"));
    for (Path f : files) {
      String name = f.getFileName().toString();
      FrontEndResult r = PolicyFrontEnd.compile(name, Files.readString(f));
      assertTrue(r.ok(), r.diagnostics().render());
      assertTrue(readme.contains(name), "examples/README.md does not describe " + name);
    }
  }

  @Test
  void examplesOtherThanTheReferenceHaveNoWarnings() {
    for (String name : List.of("cold_chain.policy", "lighting.policy", "pump_station.policy")) {
      FrontEndResult r = PolicyFrontEnd.compile(name, Policies.example(name));
      assertEquals(List.of(), r.diagnostics().warnings(), r.diagnostics().render());
    }
  }

  @Test
  void referenceWarnsOnlyAboutTheRoomLabel() {
    FrontEndResult r =
        PolicyFrontEnd.compile("greenhouse.policy", Policies.example("greenhouse.policy"));
    assertEquals(1, r.diagnostics().warnings().size(), r.diagnostics().render());
    assertTrue(r.diagnostics().warnings().get(0).message().contains("attr(\"room\")"));
  }

  @Test
  void twentyRulePolicyCompiles() {
    var p = Policies.ok("twenty_rules.policy", Policies.resource("twenty_rules.policy"));
    assertEquals(20, p.rules().size());
  }
}
