package io.edgeconf.policy.wasm;

import java.util.ArrayList;
import java.util.List;

/**
 * A WebAssembly module under construction: functions, one memory, globals, exports, active data
 * segments and custom sections — no imports, no tables, no start function. {@link
 * WasmEncoder#encode} writes its binary, {@link WatPrinter#print} its text form. Not thread-safe.
 */
public final class WasmModule {
  /** A function; {@code code} is null until {@link #define}d. */
  public static final class Function {
    private final String name;
    private final FuncType type;
    private Code code;

    Function(String name, FuncType type) {
      this.name = name;
      this.type = type;
    }

    public String name() {
      return name;
    }

    public FuncType type() {
      return type;
    }

    public Code code() {
      return code;
    }
  }

  /** A global with a constant initial value. */
  public record Global(String name, ValType type, boolean mutable, long init) {}

  /** The memory's limits in 64 KiB pages. */
  public record Memory(int minPages, int maxPages) {
    public Memory {
      if (minPages < 0 || maxPages < minPages || maxPages > 65536) {
        throw new IllegalArgumentException("memory limits " + minPages + ".." + maxPages);
      }
    }
  }

  /** An export: a name for a function, global or the memory (index 0). */
  public record Export(String name, Kind kind, int index) {
    /** What an export names, with its binary code. */
    public enum Kind {
      FUNC(0),
      MEMORY(2),
      GLOBAL(3);

      private final int code;

      Kind(int code) {
        this.code = code;
      }

      public int code() {
        return code;
      }
    }
  }

  /** An active data segment of memory 0. */
  public record Data(int offset, byte[] bytes) {
    public Data {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** A custom section. */
  public record Custom(String name, byte[] content) {
    public Custom {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  private final List<Function> functions = new ArrayList<>();
  private final List<Global> globals = new ArrayList<>();
  private final List<Export> exports = new ArrayList<>();
  private final List<Data> data = new ArrayList<>();
  private final List<Custom> customs = new ArrayList<>();
  private Memory memory;

  /** Declares a function (its body comes with {@link #define}); returns its index. */
  public int function(String name, FuncType type) {
    functions.add(new Function(name, type));
    return functions.size() - 1;
  }

  /** Gives a declared function its body. */
  public void define(int index, Code code) {
    Function f = functions.get(index);
    if (f.code != null) {
      throw new IllegalStateException("function " + f.name + " is already defined");
    }
    f.code = code;
  }

  /** Adds a global; returns its index. */
  public int global(String name, ValType type, boolean mutable, long init) {
    globals.add(new Global(name, type, mutable, init));
    return globals.size() - 1;
  }

  /** Sets the one memory. */
  public void memory(int minPages, int maxPages) {
    memory = new Memory(minPages, maxPages);
  }

  /** Exports a function, global or the memory by index. */
  public void export(String name, Export.Kind kind, int index) {
    if (exports.stream().anyMatch(e -> e.name().equals(name))) {
      throw new IllegalArgumentException("duplicate export " + name);
    }
    exports.add(new Export(name, kind, index));
  }

  /** Adds an active data segment. */
  public void data(int offset, byte[] bytes) {
    data.add(new Data(offset, bytes));
  }

  /** Adds a custom section (written after every other section, in order). */
  public void custom(String name, byte[] content) {
    customs.add(new Custom(name, content));
  }

  public List<Function> functions() {
    return List.copyOf(functions);
  }

  public List<Global> globals() {
    return List.copyOf(globals);
  }

  public List<Export> exports() {
    return List.copyOf(exports);
  }

  public List<Data> data() {
    return List.copyOf(data);
  }

  public List<Custom> customs() {
    return List.copyOf(customs);
  }

  /** The memory, or null when there is none. */
  public Memory memory() {
    return memory;
  }

  /** The export name of a function, global or memory, if exported. */
  String exportName(Export.Kind kind, int index) {
    return exports.stream()
        .filter(e -> e.kind() == kind && e.index() == index)
        .map(Export::name)
        .findFirst()
        .orElse(null);
  }
}
