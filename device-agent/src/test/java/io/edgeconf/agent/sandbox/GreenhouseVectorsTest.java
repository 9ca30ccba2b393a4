package io.edgeconf.agent.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.dylibso.chicory.wasm.Parser;
import io.edgeconf.agent.testing.Greenhouse;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.Ed25519Keys;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test vectors of config-image.md, rendered by the compiled greenhouse module in the sandbox.
 */
class GreenhouseVectorsTest {
  static final String ESP =
      "4543464701001e00f300f1080700000081af7aed102700000600230005005001010a677265656e686f7573650000000000006ef7f919";
  static final String NRF =
      "4543464701001e00f300f1080700000081af7aed102700000c0023000a0050010006656173742d3200000000000000000000b81cd446";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void rendersTheVectorsExactly(Engine engine) throws Exception {
    var module = Parser.parse(Greenhouse.module(Ed25519Keys.generate(), 7));
    var program =
        engine == Engine.COMPILER
            ? ModuleProgram.compiled(module, SandboxLimits.DEFAULT)
            : ModuleProgram.interpreted(module, SandboxLimits.DEFAULT);
    var workers = Executors.newCachedThreadPool();
    try {
      var sandbox = new Sandbox(workers, SandboxLimits.DEFAULT);
      var esp = DeviceAttributes.of("esp32", "gh-esp-01").withZone("south");
      var nrf =
          DeviceAttributes.of("nrf52840", "gh-nrf-07")
              .withTags(List.of("heater"))
              .withAttrs(Map.of("room", "east-2"));
      assertEquals(ESP, hex(sandbox.render(program, esp)));
      assertEquals(NRF, hex(sandbox.render(program, nrf)));
    } finally {
      workers.shutdownNow();
    }
  }

  static String hex(RenderOutcome outcome) {
    var r = assertInstanceOf(RenderOutcome.Rendered.class, outcome, outcome.describe());
    return HexFormat.of().formatHex(r.image());
  }
}
