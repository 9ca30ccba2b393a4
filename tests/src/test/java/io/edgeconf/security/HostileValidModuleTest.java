package io.edgeconf.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.vetting.RenderTarget;
import io.edgeconf.agent.vetting.VettingContext;
import io.edgeconf.agent.vetting.VettingSettings;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.Ed25519Keys;
import io.edgeconf.bridge.module.TrustedKeys;
import io.edgeconf.policy.Compilation;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, hostile modules (c): modules that are valid WebAssembly, carry the real greenhouse
 * metadata and a trusted signature, yet must be refused by the check each one targets.
 */
class HostileValidModuleTest {
  static final KeyPair KEY = Ed25519Keys.generate();
  static final List<RenderTarget> BOARDS =
      List.of(
          new RenderTarget(DeviceAttributes.of("esp32", "gh-esp-1").withZone("north"), 4096),
          new RenderTarget(DeviceAttributes.of("nrf52840", "gh-nrf-1"), 1024));
  static Vetting vetting;
  static Compilation.Output greenhouse;

  @BeforeAll
  static void setUp() {
    vetting = new Vetting(KEY, false);
    greenhouse = Modules.compile("greenhouse", 7, KEY.getPrivate());
  }

  @AfterAll
  static void tearDown() {
    vetting.close();
  }

  static HostileWat hostile() {
    return new HostileWat(greenhouse);
  }

  static Vetting.Verdict vet(HostileWat m, List<RenderTarget> boards) {
    return vetting.vet(m.signed(KEY.getPrivate()), Vetting.context(0, 0, boards));
  }

  static void refused(Set<ErrorCode> allowed, Vetting.Verdict v) {
    assertTrue(
        v.code() != null && allowed.contains(v.code()),
        "expected one of " + allowed + ", got " + v.describe() + ": " + v.message());
  }

  @Test
  void theWrapperAloneIsAccepted() {
    var v = vet(hostile(), BOARDS);
    assertTrue(v.accepted() != null, v.describe() + ": " + v.message());
    assertEquals(2, v.accepted().images().size());
  }

  @Test
  void importsAreRefused() {
    var m = hostile();
    m.imports = "(import \"env\" \"host\" (func $host (param i32)))";
    refused(Set.of(ErrorCode.IMPORTS), vet(m, BOARDS));
    var mem = hostile();
    mem.imports = "(import \"env\" \"mem\" (memory 1 2))";
    mem.memory = "(export \"memory\" (memory 0))";
    refused(Set.of(ErrorCode.IMPORTS), vet(mem, BOARDS));
  }

  @Test
  void aStartFunctionIsRefused() {
    var m = hostile();
    m.extraFunctions = "(func $boot (loop $l (br $l))) (start $boot)";
    refused(Set.of(ErrorCode.LIMITS), vet(m, BOARDS));
  }

  @Test
  void memoryMaximaAboveTheLimitAreRefused() {
    for (String memory :
        List.of(
            "(memory (export \"memory\") 1 65536)",
            "(memory (export \"memory\") 1)",
            "(memory (export \"memory\") 3 3)",
            "(memory (export \"memory\") 1 3)")) {
      var m = hostile();
      m.memory = memory;
      refused(Set.of(ErrorCode.LIMITS), vet(m, BOARDS));
    }
  }

  @Test
  void aDataSegmentFillingMemoryIsRefused() {
    // A whole page of data: the module is over the 64 KiB limit.
    var page = hostile();
    page.extraData = "(data (i32.const 0) \"" + "\\ff".repeat(65536) + "\")";
    refused(Set.of(ErrorCode.TOO_LARGE), vet(page, BOARDS));
    // With a 1 MiB module limit: two pages of 0xFF over everything the render relies on.
    var big =
        new Vetting(
            new VettingSettings(1 << 20, 2, TrustedKeys.of(List.of(KEY.getPublic())), false));
    try {
      var two = hostile();
      two.memory = "(memory (export \"memory\") 2 2)";
      two.extraData = "(data (i32.const 0) \"" + "\\ff".repeat(2 * 65536) + "\")";
      var v = big.vet(two.signed(KEY.getPrivate()), Vetting.context(0, 0, BOARDS));
      refused(Set.of(ErrorCode.SELFTEST), v);
      // Data past the end of memory: instantiation fails.
      var past = hostile();
      past.extraData = "(data (i32.const 65000) \"" + "\\ff".repeat(1000) + "\")";
      refused(
          Set.of(ErrorCode.INVALID_WASM),
          big.vet(past.signed(KEY.getPrivate()), Vetting.context(0, 0, BOARDS)));
    } finally {
      big.close();
    }
  }

  @Test
  void anInfiniteLoopInRenderTimesOut() {
    var m = hostile();
    m.prefix = "(loop $forever (br $forever))";
    refused(Set.of(ErrorCode.TIMEOUT), vet(m, BOARDS));
  }

  @Test
  void unboundedRecursionIsRefused() {
    var m = hostile();
    m.extraFunctions =
        "(func $deeper (param i32) (result i32)"
            + " (i32.add (call $deeper (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))";
    m.prefix = "(drop (call $deeper (i32.const 0)))";
    var v = vet(m, BOARDS);
    refused(Set.of(ErrorCode.SELFTEST, ErrorCode.TIMEOUT), v);
    System.out.println("unbounded recursion: " + v.describe() + ": " + v.message());
  }

  @Test
  void aRenderThatLoopsForOneRealBoardIsRefused() {
    var m = hostile();
    m.prefix = HostileWat.LOOP_FOR_EVIL;
    // Correct for the self-test devices and for ordinary boards...
    var fine = vet(m, BOARDS);
    assertTrue(fine.accepted() != null, fine.describe() + ": " + fine.message());
    // ...but one served board makes it loop.
    var evil =
        new RenderTarget(DeviceAttributes.of("esp32", HostileWat.EVIL_ID).withZone("north"), 4096);
    var v = vet(m, List.of(BOARDS.get(0), evil, BOARDS.get(1)));
    refused(Set.of(ErrorCode.TIMEOUT, ErrorCode.RENDER), v);
    assertTrue(v.message().contains(HostileWat.EVIL_ID), v.message());
  }

  @Test
  void anOutputThatDiffersFromItsOwnSelfTestVectorsIsRefused() {
    var m = hostile();
    m.locals = "(local $n i32)";
    m.suffix =
        "(local.set $n (call $ec_render_real (local.get 0)))"
            + " (if (i32.gt_s (local.get $n) (i32.const 20)) (then"
            + " (i32.store8 offset=20 (global.get $ec_out)"
            + " (i32.xor (i32.load8_u offset=20 (global.get $ec_out)) (i32.const 1)))))"
            + " (local.get $n)";
    refused(Set.of(ErrorCode.SELFTEST), vet(m, BOARDS));
  }

  @Test
  void nothingHostileChangedTheVetter() {
    // The same vetter still accepts the genuine module afterwards.
    var v = vetting.vet(greenhouse.module(), VettingContext.empty());
    assertTrue(v.accepted() != null, v.describe());
  }
}
