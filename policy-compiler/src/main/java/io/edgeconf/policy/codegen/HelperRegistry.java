package io.edgeconf.policy.codegen;

import static io.edgeconf.policy.wasm.ValType.I32;

import io.edgeconf.policy.wasm.Code;
import io.edgeconf.policy.wasm.FuncType;
import io.edgeconf.policy.wasm.ValType;
import io.edgeconf.policy.wasm.WasmModule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Adds the run-time helper functions and mutable globals of a module under construction, each the
 * first time generated code asks for it, so a module carries only the helpers it uses (and their
 * indexes follow the order of first use). Not thread-safe.
 */
final class HelperRegistry {
  private final WasmModule module;
  private final Map<String, Integer> functions = new HashMap<>();
  private final Map<String, Integer> globals = new HashMap<>();

  HelperRegistry(WasmModule module) {
    this.module = module;
  }

  /** The index of the mutable i32 global {@code name} (initially 0), added on first use. */
  int global(String name) {
    return globals.computeIfAbsent(name, n -> module.global(n, I32, true, 0));
  }

  /** Whether the global {@code name} has been added. */
  boolean hasGlobal(String name) {
    return globals.containsKey(name);
  }

  /**
   * The index of the helper function {@code name}; on first use it is added to the module and
   * {@code body} emits its code (the index is known before, so the body may call other helpers).
   */
  int function(
      String name,
      List<ValType> params,
      ValType result,
      List<String> paramNames,
      Consumer<Code> body) {
    Integer have = functions.get(name);
    if (have != null) {
      return have;
    }
    int index = module.function(name, FuncType.of(params, result));
    functions.put(name, index);
    Code code = new Code(paramNames);
    body.accept(code);
    module.define(index, code);
    return index;
  }
}
