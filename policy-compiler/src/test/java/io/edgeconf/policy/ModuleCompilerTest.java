package io.edgeconf.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.KeyId;
import io.edgeconf.bridge.module.ModuleSignatureVerifier;
import io.edgeconf.bridge.module.TrustedKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleCompilerTest {
  @Test
  void compilesAndSigns() {
    var keys = Ed25519Keys.generate();
    var c =
        ModuleCompiler.compile(
            "greenhouse.policy", Policies.example("greenhouse.policy"), keys.getPrivate());
    assertTrue(c.ok());
    var out = c.output().orElseThrow();
    assertEquals(KeyId.of(keys.getPublic()), out.signedBy().orElseThrow());
    var verdict =
        ModuleSignatureVerifier.verify(out.module(), TrustedKeys.of(List.of(keys.getPublic())));
    assertTrue(verdict.isValid(), verdict.detail());
    assertTrue(out.sizes().codeAndData() <= 1146, out.sizes().summary());
    assertTrue(out.cHeader().contains("struct greenhouse_config {"));
  }

  @Test
  void badSourceGivesDiagnosticsAndNoModule() {
    var c = ModuleCompiler.compile("x.policy", "policy x version 1\nfield a : u8 = 999\n", null);
    assertFalse(c.ok());
    assertTrue(c.frontEnd().diagnostics().hasErrors());
    var garbage = ModuleCompiler.compile("g.policy", new byte[] {(byte) 0xFF, 0, 1, 2}, null);
    assertFalse(garbage.ok());
  }
}
