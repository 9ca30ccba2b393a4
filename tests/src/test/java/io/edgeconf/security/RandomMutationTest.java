package io.edgeconf.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.agent.sandbox.RenderOutcome;
import io.edgeconf.agent.vetting.VettedModule;
import io.edgeconf.agent.vetting.VettingContext;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.schema.Sha256;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, hostile modules (b): 10 000 seeded random mutations (byte flips, insertions, deletions)
 * of the four signed example modules through the full vetting path, signature checks on. Nearly all
 * must be refused; an accepted mutant must render exactly the original's self-test images.
 */
class RandomMutationTest {
  static final long SEED = 0x9E3779B97F4A7C15L;
  static final int MUTANTS = 10_000;
  static final KeyPair KEY = Ed25519Keys.generate();
  static Vetting vetting;

  @BeforeAll
  static void setUp() {
    vetting = new Vetting(KEY, false);
  }

  @AfterAll
  static void tearDown() {
    vetting.close();
  }

  static byte[] mutate(byte[] original, Random random) {
    byte[] b = original;
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(3)) {
        case 0 -> {
          b = b.clone();
          b[at] ^= (byte) (1 + random.nextInt(255));
        }
        case 1 -> {
          int n = 1 + random.nextInt(random.nextBoolean() ? 2 : 16);
          var out = new ByteArrayOutputStream();
          out.write(b, 0, at);
          for (int i = 0; i < n; i++) {
            out.write(random.nextInt(256));
          }
          out.write(b, at, b.length - at);
          b = out.toByteArray();
        }
        default -> {
          int n = Math.min(1 + random.nextInt(random.nextBoolean() ? 2 : 16), b.length - at);
          var out = new ByteArrayOutputStream();
          out.write(b, 0, at);
          out.write(b, at + n, b.length - at - n);
          b = out.toByteArray();
          if (b.length == 0) {
            b = new byte[] {0};
          }
        }
      }
    }
    return b;
  }

  @Test
  void tenThousandMutantsOfSignedModulesAreRefusedOrRenderTheSame() throws Exception {
    List<byte[]> bases = new ArrayList<>();
    List<VettedModule> originals = new ArrayList<>();
    for (String policy : List.of("greenhouse", "cold_chain", "lighting", "pump_station")) {
      byte[] module = Modules.compile(policy, 3, KEY.getPrivate()).module();
      bases.add(module);
      originals.add(vetting.vetter.vet(module, VettingContext.empty()));
    }
    Random random = new Random(SEED);
    Map<String, Integer> histogram = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < MUTANTS; i++) {
      int base = random.nextInt(bases.size());
      byte[] mutant = mutate(bases.get(base), random);
      var v = vetting.vet(mutant, VettingContext.empty());
      histogram.merge(v.describe(), 1, Integer::sum);
      if (v.accepted() != null) {
        accepted++;
        sameSelfTestImages(originals.get(base), v.accepted());
      } else if (v.code() == null) {
        wrong.add("mutant " + i + " of base " + base + ": " + v.describe());
        if (v.unexpected() == null) {
          break; // hang
        }
      }
    }
    System.out.println(MUTANTS + " mutants (seed " + SEED + "):");
    System.out.print(Vetting.histogram(histogram));
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertTrue(accepted <= MUTANTS / 1000, accepted + " mutants were accepted");
  }

  private static void sameSelfTestImages(VettedModule original, VettedModule mutant)
      throws InterruptedException {
    for (var vector : original.metadata().selftest()) {
      var a = vetting.sandbox.render(original.program(), vector.device());
      var b = vetting.sandbox.render(mutant.program(), vector.device());
      if (a instanceof RenderOutcome.Rendered ra) {
        var rb = assertInstanceOf(RenderOutcome.Rendered.class, b, b.describe());
        assertEquals(Sha256.hex(ra.image()), Sha256.hex(rb.image()), vector.device().id());
      } else {
        assertEquals(a.describe(), b.describe(), vector.device().id());
      }
    }
  }
}
