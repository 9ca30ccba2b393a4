package io.edgeconf.agent.sandbox;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.function.Function;

/**
 * A parsed (and validated) module ready to be instantiated in the sandbox, with its engine chosen.
 * Immutable and thread-safe: every call gets a fresh instance, so no state passes from one device
 * to the next.
 */
public final class ModuleProgram {
  private final WasmModule module;
  private final Engine engine;
  private final Function<Instance, Machine> machineFactory;
  private final MemoryLimits memoryLimits;
  private final java.util.concurrent.atomic.AtomicBoolean warm =
      new java.util.concurrent.atomic.AtomicBoolean();

  private ModuleProgram(
      WasmModule module,
      Engine engine,
      Function<Instance, Machine> machineFactory,
      MemoryLimits memoryLimits) {
    this.module = module;
    this.engine = engine;
    this.machineFactory = machineFactory;
    this.memoryLimits = memoryLimits;
  }

  /** The module run by the interpreter. */
  public static ModuleProgram interpreted(WasmModule module, SandboxLimits limits) {
    return new ModuleProgram(module, Engine.INTERPRETER, null, memoryLimits(module, limits));
  }

  /**
   * The module compiled to JVM bytecode (once; costs tens of milliseconds). Functions the compiler
   * cannot handle fall back to the interpreter.
   */
  public static ModuleProgram compiled(WasmModule module, SandboxLimits limits) {
    return new ModuleProgram(
        module,
        Engine.COMPILER,
        MachineFactoryCompiler.compile(module),
        memoryLimits(module, limits));
  }

  /**
   * The memory limits an instance gets: Chicory replaces (does not intersect) the declared ones, so
   * the maximum is {@code min(declaredMax, cap)} and the initial size is clamped to it.
   */
  static MemoryLimits memoryLimits(WasmModule module, SandboxLimits limits) {
    int cap = limits.maxMemoryPages();
    var section = module.memorySection();
    if (section.isEmpty() || section.get().memoryCount() == 0) {
      return new MemoryLimits(0, 0);
    }
    MemoryLimits declared = section.get().getMemory(0).limits();
    int max = Math.min(declared.maximumPages(), cap);
    return new MemoryLimits(Math.min(declared.initialPages(), max), max);
  }

  /** The parsed module. */
  public WasmModule module() {
    return module;
  }

  /** How its code runs. */
  public Engine engine() {
    return engine;
  }

  /** Whether a call of this program has completed (its classes are loaded). */
  boolean warm() {
    return warm.get();
  }

  void markWarm() {
    warm.set(true);
  }

  /** A fresh instance: capped memory, no imports, start function never run. */
  Instance instantiate() {
    var builder = Instance.builder(module).withMemoryLimits(memoryLimits).withStart(false);
    if (machineFactory != null) {
      builder.withMachineFactory(machineFactory);
    }
    return builder.build();
  }
}
