package io.edgeconf.agent.vetting;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.ValType;
import io.edgeconf.agent.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks 3 of module-abi.md on a parsed module: imports, limits, exports. */
final class StructureChecks {
  private static final List<String> GLOBALS =
      List.of("ec_abi", "ec_in", "ec_in_cap", "ec_out", "ec_out_cap");
  private static final List<String> FUNCTIONS = List.of("ec_render", "ec_check");
  private static final FunctionType RENDER_TYPE =
      FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));

  private StructureChecks() {}

  static void imports(WasmModule module) {
    var imports = module.importSection();
    if (imports.importCount() > 0) {
      var first = imports.getImport(0);
      throw new ModuleRejectedException(
          ErrorCode.IMPORTS,
          "the module imports "
              + imports.importCount()
              + " item(s), the first "
              + first.importType().name().toLowerCase(java.util.Locale.ROOT)
              + " '"
              + first.module()
              + "."
              + first.name()
              + "'; config modules may import nothing");
    }
  }

  /**
   * Part of check 2: Chicory validates multi-memory modules, but WebAssembly 1.0 (the ABI's
   * version) allows one memory, and the sandbox caps only memory 0.
   */
  static void singleMemory(WasmModule module) {
    int count = module.memorySection().map(m -> m.memoryCount()).orElse(0);
    if (count > 1) {
      throw new ModuleRejectedException(
          ErrorCode.INVALID_WASM,
          "the module declares " + count + " memories; WebAssembly 1.0 allows one");
    }
  }

  static void limits(WasmModule module, int maxPages) {
    if (module.startSection().isPresent()) {
      throw new ModuleRejectedException(
          ErrorCode.LIMITS,
          "the module has a start function (function "
              + module.startSection().get().startIndex()
              + "); config modules may have none");
    }
    var memories = module.memorySection();
    if (memories.isEmpty() || memories.get().memoryCount() == 0) {
      return; // reported by the exports check: "memory" is missing
    }
    MemoryLimits limits = memories.get().getMemory(0).limits();
    if (limits.maximumPages() >= MemoryLimits.MAX_PAGES) {
      throw new ModuleRejectedException(
          ErrorCode.LIMITS,
          "the memory declares no maximum (or the largest possible); the limit is "
              + maxPages
              + " pages");
    }
    if (limits.maximumPages() > maxPages || limits.initialPages() > maxPages) {
      throw new ModuleRejectedException(
          ErrorCode.LIMITS,
          "the memory declares "
              + limits.initialPages()
              + ".."
              + limits.maximumPages()
              + " pages; the limit is "
              + maxPages);
    }
  }

  static void exports(WasmModule module) {
    Map<String, Export> byName = new HashMap<>();
    var section = module.exportSection();
    for (int i = 0; i < section.exportCount(); i++) {
      var e = section.getExport(i);
      byName.put(e.name(), e);
    }
    Export memory = require(byName, "memory", ExternalType.MEMORY);
    if (memory.index() != 0) {
      throw exports("export 'memory' is not memory 0");
    }
    for (String name : GLOBALS) {
      Export e = require(byName, name, ExternalType.GLOBAL);
      var globals = module.globalSection();
      if (e.index() >= globals.globalCount()) {
        throw exports("export '" + name + "' names global " + e.index() + ", which is not there");
      }
      var global = globals.getGlobal(e.index());
      if (!global.valueType().equals(ValType.I32)
          || global.mutabilityType() != MutabilityType.Const) {
        throw exports(
            "export '"
                + name
                + "' is a "
                + (global.mutabilityType() == MutabilityType.Var ? "mutable " : "")
                + global.valueType()
                + " global; the ABI needs an immutable i32");
      }
    }
    for (String name : FUNCTIONS) {
      Export e = require(byName, name, ExternalType.FUNCTION);
      // No imports, so the function index space is the module's own functions; Chicory's validator
      // does not check export indices.
      int functions = module.functionSection().functionCount();
      if (e.index() < 0 || e.index() >= functions) {
        throw exports(
            "export '"
                + name
                + "' names function "
                + Integer.toUnsignedString(e.index())
                + "; the module has "
                + functions);
      }
      FunctionType type = module.functionSection().getFunctionType(e.index(), module.typeSection());
      if (!type.typesMatch(RENDER_TYPE)) {
        throw exports("export '" + name + "' has type " + type + "; the ABI needs (i32) -> i32");
      }
    }
  }

  private static Export require(Map<String, Export> byName, String name, ExternalType kind) {
    Export e = byName.get(name);
    String want = kind.name().toLowerCase(java.util.Locale.ROOT);
    if (e == null) {
      throw exports("export '" + name + "' (" + want + ") is missing");
    }
    if (e.exportType() != kind) {
      throw exports(
          "export '"
              + name
              + "' is a "
              + e.exportType().name().toLowerCase(java.util.Locale.ROOT)
              + ", not a "
              + want);
    }
    return e;
  }

  private static ModuleRejectedException exports(String message) {
    return new ModuleRejectedException(ErrorCode.EXPORTS, message);
  }
}
