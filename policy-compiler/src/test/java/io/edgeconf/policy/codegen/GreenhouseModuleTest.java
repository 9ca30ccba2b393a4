package io.edgeconf.policy.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.edgeconf.bridge.module.AbiError;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.WasmSections;
import io.edgeconf.policy.GreenhouseFixture;
import io.edgeconf.policy.Policies;
import io.edgeconf.policy.PolicyFrontEnd;
import io.edgeconf.policy.eval.RenderResult;
import org.junit.jupiter.api.Test;

class GreenhouseModuleTest {
  private static final GeneratedModule MODULE = generate();

  private static GeneratedModule generate() {
    var r = PolicyFrontEnd.compile("greenhouse.policy", Policies.example("greenhouse.policy"));
    return ModuleGenerator.generate(r.orThrow(), r.metadata().orElseThrow());
  }

  @Test
  void rendersTheConfigImageVectorsExactly() {
    var m = new ChicoryModule(MODULE.bytes());
    assertArrayEquals(
        GreenhouseFixture.espImage(),
        ((RenderResult.Image) m.render(GreenhouseFixture.ESP_DEVICE)).bytes());
    assertArrayEquals(
        GreenhouseFixture.nrfImage(),
        ((RenderResult.Image) m.render(GreenhouseFixture.NRF_DEVICE)).bytes());
  }

  @Test
  void exportsTheAbi() {
    Parser.parse(MODULE.bytes());
    var m = new ChicoryModule(MODULE.bytes());
    assertEquals(1, m.global("ec_abi"));
    assertTrue(m.global("ec_in_cap") >= 1024);
    assertTrue(m.global("ec_out_cap") >= 54);
    var meta =
        ModuleMetadata.parse(
            WasmSections.parse(MODULE.bytes()).customContent(ModuleMetadata.SECTION).orElseThrow());
    assertEquals("greenhouse", meta.policy());
  }

  @Test
  void checksImages() {
    var m = new ChicoryModule(MODULE.bytes());
    assertEquals(
        new RenderResult.Image(GreenhouseFixture.espImage()),
        m.check(GreenhouseFixture.espImage()));
    byte[] bad = GreenhouseFixture.espImage();
    bad[30] ^= 1;
    assertEquals(new RenderResult.Failure(AbiError.IMAGE_MALFORMED, 0, ""), m.check(bad));
  }

  @Test
  void malformedDescriptors() {
    var m = new ChicoryModule(MODULE.bytes());
    var malformed = new RenderResult.Failure(AbiError.MALFORMED_DESCRIPTOR, 0, "");
    assertEquals(malformed, m.render(new byte[] {1}));
    assertEquals(malformed, m.render(new byte[] {1, 5, 'e'}));
    assertEquals(malformed, m.render(new byte[] {1, 5, 'e', 's', 'p', '3', '2'})); // no id
    assertEquals(malformed, m.renderRaw(-1) == -1 ? malformed : null);
    assertEquals(-1, m.renderRaw(1 << 20));
  }

  @Test
  void sizeGoal() {
    System.out.println("greenhouse: " + MODULE.sizes().summary());
    System.out.println(MODULE.wat());
    assertTrue(MODULE.sizes().codeAndData() <= 1146, MODULE.sizes().summary());
  }
}
