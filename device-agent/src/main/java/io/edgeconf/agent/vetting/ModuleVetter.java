package io.edgeconf.agent.vetting;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.edgeconf.agent.ErrorCode;
import io.edgeconf.agent.sandbox.AbiLayout;
import io.edgeconf.agent.sandbox.ModuleProgram;
import io.edgeconf.agent.sandbox.Sandbox;
import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.module.ModuleFormatException;
import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.bridge.module.ModuleSignatureVerifier;
import io.edgeconf.bridge.module.WasmSections;
import io.edgeconf.bridge.schema.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs every check of module-abi.md, in order, and either returns a {@link VettedModule} or throws
 * a {@link ModuleRejectedException} whose code names the first failed check. Synchronous; module
 * code runs in the injected {@link Sandbox}. Thread-safe.
 *
 * <p>Engines: structure, self-test and layout use the interpreter (no compile cost for the few
 * calls of a module that may be refused); the module is compiled once, after its self-test passes,
 * for the render check and for its life as the active module (see docs/agent.md for the figures).
 */
public final class ModuleVetter {
  private final Sandbox sandbox;
  private final VettingSettings settings;

  public ModuleVetter(Sandbox sandbox, VettingSettings settings) {
    this.sandbox = sandbox;
    this.settings = settings;
  }

  /** The settings in force. */
  public VettingSettings settings() {
    return settings;
  }

  /**
   * Vets a module.
   *
   * @throws ModuleRejectedException naming the failed check and why
   * @throws InterruptedException when the calling thread is interrupted
   */
  public VettedModule vet(byte[] bytes, VettingContext context) throws InterruptedException {
    if (bytes == null || bytes.length == 0) {
      throw new ModuleRejectedException(ErrorCode.INVALID_WASM, "the module is empty");
    }
    // 1. Size, before anything reads the bytes.
    if (bytes.length > settings.maxModuleBytes()) {
      throw new ModuleRejectedException(
          ErrorCode.TOO_LARGE,
          "the module has " + bytes.length + " bytes; the limit is " + settings.maxModuleBytes());
    }
    // 2. Parse and validate.
    WasmModule module = parse(bytes);
    StructureChecks.singleMemory(module);
    // 3. Imports, limits, exports.
    StructureChecks.imports(module);
    StructureChecks.limits(module, settings.maxMemoryPages());
    StructureChecks.exports(module);
    ModuleProgram interpreted = ModuleProgram.interpreted(module, sandbox.limits());
    AbiLayout layout = layout(interpreted);
    // 4. Signature.
    Optional<String> signer = signature(bytes);
    // 5. Metadata and anti-downgrade.
    ModuleMetadata meta = metadata(bytes, layout);
    downgrade(meta, context);
    // 6. Self-test vectors.
    SelfTestCheck.run(sandbox, interpreted, meta);
    // 7. A render for every served board, on the program that will serve them.
    ModuleProgram program = compile(module, interpreted);
    warmUp(program, meta);
    Map<String, byte[]> images = RenderCheck.run(sandbox, program, meta, context.servedBy(meta));
    return new VettedModule(bytes, Sha256.hex(bytes), meta, program, signer, images);
  }

  private static WasmModule parse(byte[] bytes) {
    try {
      return Parser.parse(bytes);
    } catch (ChicoryException e) {
      throw new ModuleRejectedException(
          ErrorCode.INVALID_WASM, "not a valid WebAssembly module: " + e.getMessage(), e);
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      // The parser should throw only ChicoryExceptions; anything else is still the input's fault.
      throw new ModuleRejectedException(
          ErrorCode.INVALID_WASM, "not a valid WebAssembly module: " + e, e);
    }
  }

  private AbiLayout layout(ModuleProgram program) {
    AbiLayout layout;
    try {
      layout = sandbox.layout(program);
    } catch (IllegalStateException e) {
      throw new ModuleRejectedException(ErrorCode.INVALID_WASM, e.getMessage(), e);
    }
    String problem = layout.problem();
    if (problem != null) {
      throw new ModuleRejectedException(ErrorCode.EXPORTS, problem);
    }
    return layout;
  }

  private Optional<String> signature(byte[] bytes) {
    var result = ModuleSignatureVerifier.verify(bytes, settings.trustedKeys());
    if (result.isValid()) {
      return result.keyId().map(Object::toString);
    }
    boolean waivable =
        result.status() == ModuleSignatureVerifier.Status.UNSIGNED
            || result.status() == ModuleSignatureVerifier.Status.UNKNOWN_KEY;
    if (settings.allowUnsigned() && waivable) {
      return Optional.empty();
    }
    throw new ModuleRejectedException(ErrorCode.SIGNATURE, result.detail());
  }

  private static ModuleMetadata metadata(byte[] bytes, AbiLayout layout) {
    ModuleMetadata meta;
    try {
      byte[] json =
          WasmSections.parse(bytes)
              .customContent(ModuleMetadata.SECTION)
              .orElseThrow(
                  () -> new ModuleFormatException("the module has no edgeconf.meta section"));
      meta = ModuleMetadata.parse(json);
    } catch (ModuleFormatException e) {
      throw new ModuleRejectedException(ErrorCode.MALFORMED, e.getMessage(), e);
    }
    if (meta.abi() != 1) {
      throw malformed("edgeconf.meta names ABI " + meta.abi() + "; this agent speaks ABI 1");
    }
    if (meta.version() < 1 || meta.version() > 0xFFFF_FFFFL) {
      throw malformed("edgeconf.meta: version " + meta.version() + " is not a u32 above 0");
    }
    if (meta.targets().isEmpty()) {
      throw malformed("edgeconf.meta: 'targets' is empty");
    }
    for (String board : meta.targets()) {
      if (BoardCatalogue.find(board).isEmpty()) {
        throw malformed("edgeconf.meta: target '" + board + "' is not a known board");
      }
    }
    if (meta.imageSize() > layout.outCap()) {
      throw malformed(
          "edgeconf.meta: image_size "
              + meta.imageSize()
              + " exceeds the module's ec_out_cap "
              + layout.outCap());
    }
    return meta;
  }

  private static void downgrade(ModuleMetadata meta, VettingContext context) {
    OptionalLong active = context.activeVersion(meta.policy());
    OptionalLong seen = context.highestSeenVersion(meta.policy());
    long floor = Math.max(active.orElse(0), seen.orElse(0));
    if (meta.version() <= floor) {
      throw new ModuleRejectedException(
          ErrorCode.DOWNGRADE,
          "policy "
              + meta.policy()
              + " version "
              + meta.version()
              + " is not above "
              + floor
              + " (active "
              + (active.isPresent() ? active.getAsLong() : "none")
              + ", highest seen "
              + (seen.isPresent() ? seen.getAsLong() : "none")
              + ")");
    }
  }

  private ModuleProgram compile(WasmModule module, ModuleProgram fallback) {
    try {
      return ModuleProgram.compiled(module, sandbox.limits());
    } catch (RuntimeException | LinkageError e) {
      // The compiler refusing a valid module is no reason to refuse it: interpret it instead.
      return fallback;
    }
  }

  /** Loads the compiled classes outside the deadline; a module that still hangs is refused. */
  private void warmUp(ModuleProgram program, ModuleMetadata meta) throws InterruptedException {
    var outcome = sandbox.warmUp(program, meta.selftest().get(0).device());
    if (outcome instanceof io.edgeconf.agent.sandbox.RenderOutcome.TimedOut t) {
      throw new ModuleRejectedException(ErrorCode.TIMEOUT, "warm-up call: " + t.describe());
    }
  }

  private static ModuleRejectedException malformed(String message) {
    return new ModuleRejectedException(ErrorCode.MALFORMED, message);
  }
}
