package io.edgeconf.policy.codegen;

import io.edgeconf.bridge.module.ModuleMetadata;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.wasm.FuncType;
import io.edgeconf.policy.wasm.ValType;
import io.edgeconf.policy.wasm.WasmEncoder;
import io.edgeconf.policy.wasm.WasmModule;
import io.edgeconf.policy.wasm.WatPrinter;
import java.util.List;

/**
 * Emits a policy's config module per the module ABI (docs/module-abi.md): no imports and no start
 * function; one memory of fixed size with a declared maximum; the globals {@code ec_abi}, {@code
 * ec_in}, {@code ec_in_cap}, {@code ec_out}, {@code ec_out_cap}; the functions {@code ec_render}
 * and {@code ec_check}; the {@code edgeconf.meta} custom section. Stateless and thread-safe.
 */
public final class ModuleGenerator {
  /** The ABI version the modules implement. */
  public static final int ABI = 1;

  private ModuleGenerator() {}

  /**
   * Generates the module of a checked policy.
   *
   * @param policy the policy
   * @param meta its metadata, written as the {@code edgeconf.meta} section
   * @throws IllegalArgumentException when metadata and policy disagree on name or schema
   */
  public static GeneratedModule generate(CheckedPolicy policy, ModuleMetadata meta) {
    if (!meta.policy().equals(policy.name())
        || !meta.schema().equals(policy.schema().canonical())) {
      throw new IllegalArgumentException(
          "metadata of " + meta.policy() + " does not describe policy " + policy.name());
    }
    // The input buffer goes after the string constants, so their size is measured first.
    int imageSize = policy.schema().imageSize();
    WasmModule first = build(policy, meta, Layout.of(imageSize, 0));
    int dataSize = first.data().isEmpty() ? 0 : first.data().get(0).bytes().length;
    WasmModule module = build(policy, meta, Layout.of(imageSize, dataSize));
    byte[] bytes = WasmEncoder.encode(module);
    return new GeneratedModule(bytes, WatPrinter.print(module), ModuleSizes.of(bytes));
  }

  private static WasmModule build(CheckedPolicy policy, ModuleMetadata meta, Layout layout) {
    WasmModule m = new WasmModule();
    FuncType fn = FuncType.of(List.of(ValType.I32), ValType.I32);
    int render = m.function("ec_render", fn);
    int check = m.function("ec_check", fn);
    m.memory(layout.pages(), layout.pages());
    m.export("memory", WasmModule.Export.Kind.MEMORY, 0);
    exportConst(m, "ec_abi", ABI);
    exportConst(m, "ec_in", layout.in());
    exportConst(m, "ec_in_cap", layout.inCap());
    exportConst(m, "ec_out", Layout.OUT);
    exportConst(m, "ec_out_cap", layout.outCap());
    m.export("ec_render", WasmModule.Export.Kind.FUNC, render);
    m.export("ec_check", WasmModule.Export.Kind.FUNC, check);
    Helpers helpers =
        Helpers.of(
            m,
            layout,
            policy.schema().imageSize() - io.edgeconf.bridge.schema.PolicySchema.TRAILER_SIZE);
    DataPool data = new DataPool(layout.dataBase());
    m.define(render, RenderEmitter.emit(policy, new RuleFlow(policy), helpers, data, layout));
    m.define(check, CheckEmitter.emit(policy.schema(), helpers));
    if (data.size() > 0) {
      m.data(layout.dataBase(), data.bytes());
    }
    m.custom(ModuleMetadata.SECTION, meta.toJson());
    return m;
  }

  private static void exportConst(WasmModule m, String name, int value) {
    m.export(name, WasmModule.Export.Kind.GLOBAL, m.global(name, ValType.I32, false, value));
  }
}
