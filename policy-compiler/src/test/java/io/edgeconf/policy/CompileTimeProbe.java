package io.edgeconf.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints how long the front end takes (parse, check, proof, self-test vectors) for policy files:
 * {@code CompileTimeProbe [FILE...]}; without arguments the 20-rule test policy and the examples.
 * Warm-up runs first so the figure is the steady state, then the median of 20 runs.
 */
public final class CompileTimeProbe {
  private CompileTimeProbe() {}

  public static void main(String[] args) throws Exception {
    String[] files =
        args.length > 0
            ? args
            : new String[] {
              "src/test/resources/policies/twenty_rules.policy",
              "../examples/greenhouse.policy",
              "../examples/cold_chain.policy",
              "../examples/lighting.policy",
              "../examples/pump_station.policy"
            };
    for (String file : files) {
      Path path = Path.of(file);
      if (!Files.exists(path)) {
        System.out.println(file + ": missing");
        continue;
      }
      String src = Files.readString(path, StandardCharsets.UTF_8);
      long cold = System.nanoTime();
      FrontEndResult first = PolicyFrontEnd.compile(path.getFileName().toString(), src);
      cold = System.nanoTime() - cold;
      for (int i = 0; i < 10; i++) {
        PolicyFrontEnd.compile(path.getFileName().toString(), src);
      }
      long[] runs = new long[20];
      for (int i = 0; i < runs.length; i++) {
        long t = System.nanoTime();
        PolicyFrontEnd.compile(path.getFileName().toString(), src);
        runs[i] = System.nanoTime() - t;
      }
      java.util.Arrays.sort(runs);
      System.out.printf(
          "%s: %s, %d rules, cold %.1f ms, warm median %.2f ms%n",
          file,
          first.ok() ? "ok" : "FAILED",
          first.policy().map(p -> p.rules().size()).orElse(0),
          cold / 1e6,
          runs[runs.length / 2] / 1e6);
      System.out.print(first.diagnostics().render());
    }
  }
}
