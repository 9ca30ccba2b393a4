package io.edgeconf.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.ModuleSigner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, hostile modules over MQTT: a running agent (real Mosquitto) answers each hostile deploy
 * with an error of the right code, and its status keeps showing the active module unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileModulesOverMqttIT {
  AgentHarness h;
  JsonNode active;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    h = new AgentHarness(dir, false);
    h.deployAndConverge(Modules.compile("greenhouse", 7, h.key.getPrivate()).module(), 7);
    active = h.active("greenhouse");
    assertEquals(7, active.path("version").asInt(), active.toString());
  }

  @AfterAll
  void stop() throws Exception {
    h.close();
  }

  void refused(byte[] module, Set<String> codes) throws Exception {
    JsonNode answer = h.command("deploy", module);
    assertFalse(answer.path("ok").asBoolean(), answer.toString());
    String code = answer.path("error").path("code").asText();
    assertTrue(codes.contains(code), "expected " + codes + ", got " + answer);
    assertEquals(active, h.active("greenhouse"), "the active module changed");
  }

  @Test
  void hostileDeploysAreAnsweredWithTheirCodeAndChangeNothing() throws Exception {
    var key = h.key.getPrivate();
    var v8 = Modules.compile("greenhouse", 8, key);
    refused(
        Modules.compile("greenhouse", 8, Ed25519Keys.generate().getPrivate()).module(),
        Set.of("signature"));
    refused(ModuleSigner.unsigned(v8.module()), Set.of("signature"));
    refused(Modules.compile("greenhouse", 6, key).module(), Set.of("downgrade"));
    String changed = Modules.source("greenhouse", 7) + "\n# other bytes, same version\n";
    refused(Modules.compileSource("greenhouse", changed, key).module(), Set.of("downgrade"));
    var loop = new HostileWat(v8);
    loop.prefix = "(loop $forever (br $forever))";
    refused(loop.signed(key), Set.of("timeout"));
    var imports = new HostileWat(v8);
    imports.imports = "(import \"env\" \"host\" (func $host (param i32)))";
    refused(imports.signed(key), Set.of("imports"));
    var start = new HostileWat(v8);
    start.extraFunctions = "(func $boot) (start $boot)";
    refused(start.signed(key), Set.of("limits"));
    var differs = new HostileWat(v8);
    differs.suffix = "(drop (call $ec_render_real (local.get 0))) (i32.const 0)";
    refused(differs.signed(key), Set.of("selftest"));
    byte[] flipped = v8.module();
    flipped[flipped.length / 2] ^= 0x10;
    refused(flipped, Set.of("signature", "invalid_wasm", "exports"));
    Random random = new Random(42);
    for (int i = 0; i < 3; i++) {
      byte[] junk = new byte[1 + random.nextInt(4096)];
      random.nextBytes(junk);
      refused(junk, Set.of("invalid_wasm"));
    }
    refused(Arrays.copyOf(v8.module(), 100), Set.of("invalid_wasm"));
    refused(new byte[70_000], Set.of("too_large"));
    // The genuine v8 is still accepted afterwards.
    h.deployAndConverge(v8.module(), 8);
    assertEquals(8, h.active("greenhouse").path("version").asInt());
    active = h.active("greenhouse");
  }

  @Test
  void anExportNamingAMissingFunctionIsAnsweredAsInvalidNotInternal() throws Exception {
    var m = new AbiModule();
    m.exports = new java.util.ArrayList<>(AbiModule.defaultExports());
    m.exports.set(6, Wasm.export("ec_render", 0, 2));
    byte[] meta = Modules.meta(Modules.compile("greenhouse", 9, null).module());
    byte[] module =
        ModuleSigner.sign(
            Modules.appendCustom(m.build().encode(), "edgeconf.meta", meta), h.key.getPrivate());
    refused(module, Set.of("invalid_wasm", "exports"));
  }

  @Test
  void aSecondMemoryBeyondTheLimitIsRefusedNotInternal() throws Exception {
    var m = AbiModule.standard();
    m.set(Wasm.MEMORY, Wasm.cat(Wasm.bytes(2, 1, 1, 2, 0), Wasm.uleb(65536)));
    byte[] meta = Modules.meta(Modules.compile("greenhouse", 9, null).module());
    byte[] module =
        ModuleSigner.sign(
            Modules.appendCustom(m.encode(), "edgeconf.meta", meta), h.key.getPrivate());
    refused(module, Set.of("invalid_wasm", "limits"));
    assertTrue(List.of(7, 8).contains(h.active("greenhouse").path("version").asInt()));
  }
}
