package io.edgeconf.policy.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link WasmModule} as a WebAssembly 1.0 binary. Stateless. */
public final class WasmEncoder {
  /** Section ids. */
  public static final int CUSTOM = 0;

  public static final int TYPE = 1;
  public static final int FUNCTION = 3;
  public static final int MEMORY = 5;
  public static final int GLOBAL = 6;
  public static final int EXPORT = 7;
  public static final int CODE = 10;
  public static final int DATA = 11;

  private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

  private WasmEncoder() {}

  /**
   * Encodes the module; sections that would be empty are left out.
   *
   * @throws IllegalStateException when a declared function has no body
   */
  public static byte[] encode(WasmModule module) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(HEADER);
    List<FuncType> types = types(module);
    var fns = module.functions();
    if (!types.isEmpty()) {
      section(out, TYPE, vector(types, (b, t) -> funcType(b, t)));
      section(
          out, FUNCTION, vector(fns, (b, f) -> Leb128.writeUnsigned(b, types.indexOf(f.type()))));
    }
    if (module.memory() != null) {
      var body = new ByteArrayOutputStream();
      body.write(1);
      body.write(1); // limits with a maximum
      Leb128.writeUnsigned(body, module.memory().minPages());
      Leb128.writeUnsigned(body, module.memory().maxPages());
      section(out, MEMORY, body.toByteArray());
    }
    if (!module.globals().isEmpty()) {
      section(out, GLOBAL, vector(module.globals(), WasmEncoder::global));
    }
    if (!module.exports().isEmpty()) {
      section(out, EXPORT, vector(module.exports(), WasmEncoder::export));
    }
    if (!fns.isEmpty()) {
      section(out, CODE, vector(fns, WasmEncoder::body));
    }
    if (!module.data().isEmpty()) {
      section(out, DATA, vector(module.data(), WasmEncoder::data));
    }
    for (var c : module.customs()) {
      var body = new ByteArrayOutputStream();
      name(body, c.name());
      body.writeBytes(c.content());
      section(out, CUSTOM, body.toByteArray());
    }
    return out.toByteArray();
  }

  /** The distinct function types, in order of first use. */
  static List<FuncType> types(WasmModule module) {
    List<FuncType> types = new ArrayList<>();
    for (var f : module.functions()) {
      if (!types.contains(f.type())) {
        types.add(f.type());
      }
    }
    return types;
  }

  private interface Writer<T> {
    void write(ByteArrayOutputStream out, T item);
  }

  private static <T> byte[] vector(List<T> items, Writer<T> writer) {
    var out = new ByteArrayOutputStream();
    Leb128.writeUnsigned(out, items.size());
    for (T item : items) {
      writer.write(out, item);
    }
    return out.toByteArray();
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] content) {
    out.write(id);
    Leb128.writeUnsigned(out, content.length);
    out.writeBytes(content);
  }

  private static void funcType(ByteArrayOutputStream out, FuncType t) {
    out.write(0x60);
    Leb128.writeUnsigned(out, t.params().size());
    t.params().forEach(p -> out.write(p.code()));
    Leb128.writeUnsigned(out, t.results().size());
    t.results().forEach(r -> out.write(r.code()));
  }

  private static void global(ByteArrayOutputStream out, WasmModule.Global g) {
    out.write(g.type().code());
    out.write(g.mutable() ? 1 : 0);
    out.write(g.type() == ValType.I32 ? Op.I32_CONST.opcode() : Op.I64_CONST.opcode());
    Leb128.writeSigned(out, g.init());
    out.write(Op.END.opcode());
  }

  private static void export(ByteArrayOutputStream out, WasmModule.Export e) {
    name(out, e.name());
    out.write(e.kind().code());
    Leb128.writeUnsigned(out, e.index());
  }

  private static void body(ByteArrayOutputStream out, WasmModule.Function f) {
    if (f.code() == null) {
      throw new IllegalStateException("function " + f.name() + " has no body");
    }
    byte[] code = f.code().encode();
    Leb128.writeUnsigned(out, code.length);
    out.writeBytes(code);
  }

  private static void data(ByteArrayOutputStream out, WasmModule.Data d) {
    out.write(0); // active, memory 0
    out.write(Op.I32_CONST.opcode());
    Leb128.writeSigned(out, d.offset());
    out.write(Op.END.opcode());
    Leb128.writeUnsigned(out, d.bytes().length);
    out.writeBytes(d.bytes());
  }

  private static void name(ByteArrayOutputStream out, String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    Leb128.writeUnsigned(out, utf8.length);
    out.writeBytes(utf8);
  }
}
