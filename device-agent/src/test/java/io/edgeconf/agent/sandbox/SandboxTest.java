package io.edgeconf.agent.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.edgeconf.agent.testing.TestModules;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.module.AbiError;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SandboxTest {
  static final ExecutorService WORKERS = Executors.newCachedThreadPool();
  static final Sandbox SANDBOX = new Sandbox(WORKERS, SandboxLimits.DEFAULT);

  @AfterAll
  static void stop() {
    WORKERS.shutdownNow();
  }

  static ModuleProgram program(TestModules.Spec spec, Engine engine) {
    var module = Parser.parse(TestModules.build(spec));
    return engine == Engine.COMPILER
        ? ModuleProgram.compiled(module, SandboxLimits.DEFAULT)
        : ModuleProgram.interpreted(module, SandboxLimits.DEFAULT);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void rendersAndChecks(Engine engine) throws Exception {
    var spec = TestModules.spec();
    var outcome = SANDBOX.render(program(spec, engine), DeviceAttributes.of("esp32", "a"));
    var rendered = assertInstanceOf(RenderOutcome.Rendered.class, outcome);
    assertArrayEquals(TestModules.image(spec), rendered.image());
    assertTrue(rendered.checked());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void negativeReturnIsTypedWithItsIndex(Engine engine) throws Exception {
    var spec = TestModules.spec();
    spec.refuseNrf = true;
    var outcome = SANDBOX.render(program(spec, engine), DeviceAttributes.of("nrf52840", "a"));
    var refused = assertInstanceOf(RenderOutcome.Refused.class, outcome);
    assertEquals(AbiError.REQUIRE_FAILED, refused.error());
    assertEquals(0, refused.index());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void endlessLoopTimesOut(Engine engine) throws Exception {
    var spec = TestModules.spec();
    spec.renderPrefix = "(loop $l (br $l))";
    var outcome = SANDBOX.render(program(spec, engine), DeviceAttributes.of("esp32", "a"));
    assertInstanceOf(RenderOutcome.TimedOut.class, outcome);
    // The sandbox stays usable afterwards.
    var ok = SANDBOX.render(program(TestModules.spec(), engine), DeviceAttributes.of("esp32", "b"));
    assertInstanceOf(RenderOutcome.Rendered.class, ok);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void memoryGrowthStopsAtTheCap(Engine engine) throws Exception {
    var spec = TestModules.spec();
    spec.memory = "(memory (export \"memory\") 1 65536)";
    // Grows until memory.grow fails: the cap (2 pages) makes it fail after one page.
    spec.renderPrefix =
        "(if (i32.ne (memory.grow (i32.const 1)) (i32.const 1)) (then (return (i32.const -4))))"
            + "(if (i32.ne (memory.grow (i32.const 1)) (i32.const -1)) (then (return (i32.const"
            + " -1))))";
    var outcome = SANDBOX.render(program(spec, engine), DeviceAttributes.of("esp32", "a"));
    assertInstanceOf(RenderOutcome.Rendered.class, outcome, outcome.describe());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void oversizedOrOutOfBoundsResultsAreFaults(Engine engine) throws Exception {
    var spec = TestModules.spec();
    spec.renderPrefix = "(return (i32.const 100000))";
    var outcome = SANDBOX.render(program(spec, engine), DeviceAttributes.of("esp32", "a"));
    assertInstanceOf(RenderOutcome.Faulted.class, outcome);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void trapsAndRecursionAreFaults(Engine engine) throws Exception {
    var spec = TestModules.spec();
    spec.renderPrefix = "(unreachable)";
    assertInstanceOf(
        RenderOutcome.Faulted.class,
        SANDBOX.render(program(spec, engine), DeviceAttributes.of("esp32", "a")));
    var deep = TestModules.spec();
    deep.extraFields = "(func $f (result i32) (call $f))";
    deep.renderPrefix = "(drop (call $f))";
    var outcome = SANDBOX.render(program(deep, engine), DeviceAttributes.of("esp32", "a"));
    assertTrue(
        outcome instanceof RenderOutcome.Faulted || outcome instanceof RenderOutcome.TimedOut,
        outcome.describe());
  }

  @Test
  void descriptorLargerThanTheInputBufferIsRefusedByTheHost() throws Exception {
    var outcome = SANDBOX.render(program(TestModules.spec(), Engine.INTERPRETER), new byte[2000]);
    assertInstanceOf(RenderOutcome.Faulted.class, outcome);
  }
}
