package io.edgeconf.policy.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.policy.eval.Evaluator;
import io.edgeconf.policy.eval.RenderResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated module, run in Chicory, and the compiler's reference evaluator give identical bytes
 * or identical errors (code and index) for thousands of seeded random devices per policy. A failure
 * names the seed, the device and both answers. Also: random descriptor bytes never trap.
 */
class DifferentialTest {
  private static final int DEVICES = 2500;

  static java.util.List<String> policies() {
    return CodegenPolicies.names();
  }

  @ParameterizedTest
  @MethodSource("policies")
  void moduleAndEvaluatorAgree(String name) {
    var front = CodegenPolicies.frontEnd(name);
    var policy = front.orThrow();
    var module =
        new ChicoryModule(ModuleGenerator.generate(policy, front.metadata().orElseThrow()).bytes());
    long seed = name.hashCode();
    RandomDevices devices = new RandomDevices(policy, seed);
    Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
    for (int n = 0; n < DEVICES; n++) {
      DeviceAttributes device = devices.next(n);
      RenderResult expected = Evaluator.render(policy, device);
      RenderResult actual = module.render(device);
      assertEquals(
          expected,
          actual,
          name + " seed " + seed + " device #" + n + " " + device + ": evaluator " + expected);
      Kind kind =
          actual instanceof RenderResult.Failure f ? Kind.valueOf(f.error().name()) : Kind.IMAGE;
      seen.merge(kind, 1, Integer::sum);
      if (actual instanceof RenderResult.Image image) {
        assertEquals(image, module.check(image.bytes()), name + ": ec_check refuses its own image");
      }
    }
    System.out.println(name + ": " + DEVICES + " devices agree " + seen);
    assertTrue(seen.containsKey(Kind.IMAGE), name + " rendered no image at all: " + seen);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void randomDescriptorBytesNeverTrap(String name) {
    var module = new ChicoryModule(CodegenPolicies.module(name).bytes());
    Random random = new Random(name.hashCode() * 31L);
    for (int n = 0; n < 300; n++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      for (int i = 0; i + 1 < bytes.length; i += 2 + random.nextInt(6)) {
        bytes[i] = (byte) (1 + random.nextInt(8)); // mostly known tags
      }
      RenderResult r = module.render(bytes);
      assertTrue(r != null, "no result");
    }
  }

  /** What a render gave, for the summary line. */
  enum Kind {
    IMAGE,
    MALFORMED_DESCRIPTOR,
    FIELD_OUT_OF_RANGE,
    REQUIRE_FAILED,
    ARITHMETIC,
    IMAGE_MALFORMED,
    IMAGE_FIELD_OUT_OF_RANGE
  }
}
