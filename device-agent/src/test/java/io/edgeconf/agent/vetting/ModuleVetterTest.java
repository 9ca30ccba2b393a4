package io.edgeconf.agent.vetting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.agent.sandbox.SandboxLimits;
import io.edgeconf.agent.testing.TestModules;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.ModuleSigner;
import io.edgeconf.bridge.module.TrustedKeys;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ModuleVetterTest {
  static final ExecutorService WORKERS = Executors.newCachedThreadPool();
  static final KeyPair KEY = Ed25519Keys.generate();
  static final Sandbox SANDBOX = new Sandbox(WORKERS, SandboxLimits.DEFAULT);
  static final ModuleVetter VETTER =
      new ModuleVetter(
          SANDBOX, VettingSettings.defaults(TrustedKeys.of(List.of(KEY.getPublic())), false));

  @AfterAll
  static void stop() {
    WORKERS.shutdownNow();
  }

  static byte[] signed(TestModules.Spec spec) {
    return ModuleSigner.sign(TestModules.build(spec), KEY.getPrivate());
  }

  static byte[] signedWat(String wat) {
    return ModuleSigner.sign(Wat2Wasm.parse(wat), KEY.getPrivate());
  }

  static ErrorCode rejection(byte[] module) {
    return rejection(module, VettingContext.empty());
  }

  static ErrorCode rejection(byte[] module, VettingContext context) {
    var e = assertThrows(ModuleRejectedException.class, () -> VETTER.vet(module, context));
    assertTrue(!e.getMessage().isBlank());
    return e.code();
  }

  static VettingContext context(long active, long seen, List<RenderTarget> targets) {
    return new VettingContext() {
      @Override
      public OptionalLong activeVersion(String policy) {
        return active == 0 ? OptionalLong.empty() : OptionalLong.of(active);
      }

      @Override
      public OptionalLong highestSeenVersion(String policy) {
        return seen == 0 ? OptionalLong.empty() : OptionalLong.of(seen);
      }

      @Override
      public List<RenderTarget> servedBy(ModuleMetadata candidate) {
        return targets;
      }
    };
  }

  @Test
  void acceptsAGoodModuleAndRendersItsBoards() throws Exception {
    var targets =
        List.of(
            new RenderTarget(DeviceAttributes.of("esp32", "e1"), 4096),
            new RenderTarget(DeviceAttributes.of("nrf52840", "n1"), 1024));
    var vetted = VETTER.vet(signed(TestModules.spec()), context(0, 0, targets));
    assertEquals("tiny", vetted.policy());
    assertEquals(2, vetted.images().size());
    assertTrue(vetted.signer().isPresent());
  }

  @Test
  void tooLargeBeforeParsing() {
    byte[] junk = new byte[VettingSettings.DEFAULT_MAX_MODULE_BYTES + 1];
    assertEquals(ErrorCode.TOO_LARGE, rejection(junk));
  }

  @Test
  void invalidWasmWithTheParsersMessage() {
    byte[] good = signed(TestModules.spec());
    var e =
        assertThrows(
            ModuleRejectedException.class,
            () -> VETTER.vet(Arrays.copyOf(good, good.length / 2), VettingContext.empty()));
    assertEquals(ErrorCode.INVALID_WASM, e.code());
    assertEquals(ErrorCode.INVALID_WASM, rejection("hello world, not wasm".getBytes()));
    assertEquals(ErrorCode.INVALID_WASM, rejection(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1}));
  }

  @Test
  void importsAreRefused() {
    var spec = TestModules.spec();
    spec.memory =
        "(import \"env\" \"log\" (func $log (param i32)))\n(memory (export \"memory\") 1 2)";
    assertEquals(ErrorCode.IMPORTS, rejection(signed(spec)));
  }

  @Test
  void startFunctionAndMemoryLimits() {
    var start = TestModules.spec();
    start.extraFields = "(func $s) (start $s)";
    assertEquals(ErrorCode.LIMITS, rejection(signed(start)));
    var noMax = TestModules.spec();
    noMax.memory = "(memory (export \"memory\") 1)";
    assertEquals(ErrorCode.LIMITS, rejection(signed(noMax)));
    var big = TestModules.spec();
    big.memory = "(memory (export \"memory\") 1 3)";
    assertEquals(ErrorCode.LIMITS, rejection(signed(big)));
  }

  @Test
  void exportsMissingOrMistyped() {
    var noCheck = TestModules.spec();
    noCheck.checkBody = "(i32.const 0)) (func $unused (param i32) (result i32) (i32.const 0)";
    String wat = TestModules.wat(noCheck).replace("(export \"ec_check\")", "");
    assertEquals(ErrorCode.EXPORTS, rejection(signedWat(wat)));
    String i64 =
        TestModules.wat(TestModules.spec())
            .replace(
                "(global (export \"ec_in\") i32 (i32.const 0))",
                "(global (export \"ec_in\") i64 (i64.const 0))");
    assertEquals(ErrorCode.EXPORTS, rejection(signedWat(i64)));
    var abi = TestModules.spec();
    abi.abi = 2;
    assertEquals(ErrorCode.EXPORTS, rejection(signed(abi)));
    var smallIn = TestModules.spec();
    smallIn.inCap = 100;
    assertEquals(ErrorCode.EXPORTS, rejection(signed(smallIn)));
  }

  @Test
  void signatureMissingForeignOrTampered() {
    assertEquals(ErrorCode.SIGNATURE, rejection(TestModules.build(TestModules.spec())));
    byte[] foreign =
        ModuleSigner.sign(
            TestModules.build(TestModules.spec()), Ed25519Keys.generate().getPrivate());
    assertEquals(ErrorCode.SIGNATURE, rejection(foreign));
    byte[] tampered = signed(TestModules.spec());
    tampered[20] ^= 1;
    assertTrue(rejection(tampered) != null);
  }

  @Test
  void allowUnsignedSkipsTheSignatureButNotATamperedOne() throws Exception {
    var lax = new ModuleVetter(SANDBOX, VettingSettings.defaults(TrustedKeys.none(), true));
    var vetted = lax.vet(TestModules.build(TestModules.spec()), VettingContext.empty());
    assertTrue(vetted.signer().isEmpty());
  }

  @Test
  void malformedMetadata() {
    var noMeta = TestModules.spec();
    noMeta.withMeta = false;
    assertEquals(ErrorCode.MALFORMED, rejection(signed(noMeta)));
    var badJson = TestModules.spec();
    badJson.metaOverride = "{\"abi\": 1, \"policy\": ";
    assertEquals(ErrorCode.MALFORMED, rejection(signed(badJson)));
  }

  @Test
  void downgradeAgainstActiveAndEverySeenVersion() {
    var v5 = signed(TestModules.spec().version(5));
    assertEquals(ErrorCode.DOWNGRADE, rejection(v5, context(5, 5, List.of())));
    // Active was rolled back to 3, but 7 was seen: 5 is still a downgrade.
    assertEquals(ErrorCode.DOWNGRADE, rejection(v5, context(3, 7, List.of())));
  }

  @Test
  void selftestVectorThatDiffers() {
    var spec = TestModules.spec();
    spec.selftest =
        List.of(
            new ModuleMetadata.SelfTest(
                DeviceAttributes.of("esp32", "t1"), Optional.of("00".repeat(32)), 0, 0));
    var e =
        assertThrows(
            ModuleRejectedException.class, () -> VETTER.vet(signed(spec), VettingContext.empty()));
    assertEquals(ErrorCode.SELFTEST, e.code());
    assertTrue(e.getMessage().contains("vector 0"), e.getMessage());
  }

  @Test
  void selftestCallPastTheDeadlineIsATimeout() {
    var spec = TestModules.spec();
    spec.renderPrefix = "(loop $l (br $l))";
    assertEquals(ErrorCode.TIMEOUT, rejection(signed(spec)));
  }

  @Test
  void renderFailuresNameTheDevice() {
    // A board naming this policy whose type is not among the targets.
    var espOnly = TestModules.spec();
    espOnly.targets = List.of("esp32");
    var nrf = List.of(new RenderTarget(DeviceAttributes.of("nrf52840", "n-9"), 1024));
    var e =
        assertThrows(
            ModuleRejectedException.class, () -> VETTER.vet(signed(espOnly), context(0, 0, nrf)));
    assertEquals(ErrorCode.RENDER, e.code());
    assertTrue(e.getMessage().contains("n-9"), e.getMessage());
    // A board for which the module returns an error.
    var refuse = TestModules.spec();
    refuse.refuseNrf = true;
    assertEquals(ErrorCode.RENDER, rejection(signed(refuse), context(0, 0, nrf)));
    // An image larger than the board's capacity.
    var tiny = List.of(new RenderTarget(DeviceAttributes.of("esp32", "e-1"), 20));
    assertEquals(ErrorCode.RENDER, rejection(signed(TestModules.spec()), context(0, 0, tiny)));
    // An image that ec_check refuses.
    var check = TestModules.spec();
    check.checkBody = "(i32.const -5)";
    check.selftest =
        List.of(
            new ModuleMetadata.SelfTest(
                DeviceAttributes.of("nrf52840", "t2"), Optional.empty(), -3, 0));
    check.refuseNrf = true;
    var esp = List.of(new RenderTarget(DeviceAttributes.of("esp32", "e-2"), 4096));
    assertEquals(ErrorCode.RENDER, rejection(signed(check), context(0, 0, esp)));
  }

  @Test
  void aRefusalNamesEveryBoardThatFailsAndCountsThoseBeyondTen() {
    var refuse = TestModules.spec();
    refuse.refuseNrf = true;
    List<RenderTarget> fleet = new java.util.ArrayList<>();
    fleet.add(new RenderTarget(DeviceAttributes.of("esp32", "e-ok"), 4096));
    for (int i = 1; i <= 12; i++) {
      fleet.add(new RenderTarget(DeviceAttributes.of("nrf52840", "n-" + i), 1024));
    }
    var two =
        assertThrows(
            ModuleRejectedException.class,
            () -> VETTER.vet(signed(refuse), context(0, 0, fleet.subList(0, 3))));
    assertEquals(ErrorCode.RENDER, two.code());
    assertTrue(two.getMessage().startsWith("2 of 3 boards fail: "), two.getMessage());
    assertTrue(two.getMessage().contains("n-1 ") && two.getMessage().contains("n-2 "));
    assertTrue(!two.getMessage().contains("e-ok"), two.getMessage());

    var all =
        assertThrows(
            ModuleRejectedException.class, () -> VETTER.vet(signed(refuse), context(0, 0, fleet)));
    assertTrue(all.getMessage().startsWith("12 of 13 boards fail: "), all.getMessage());
    assertTrue(all.getMessage().contains("n-10 "), all.getMessage());
    assertTrue(!all.getMessage().contains("n-11 "), all.getMessage());
    assertTrue(all.getMessage().endsWith("; and 2 more"), all.getMessage());
  }
}
