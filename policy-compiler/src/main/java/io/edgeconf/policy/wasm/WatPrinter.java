package io.edgeconf.policy.wasm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a {@link WasmModule} in the WebAssembly text format (flat instructions, one per line,
 * indented by block), for golden files and review. Custom sections appear as comments naming them
 * (not their content, so golden files do not change with metadata). Stateless.
 */
public final class WatPrinter {
  private WatPrinter() {}

  /** The module's text form. */
  public static String print(WasmModule module) {
    var sb = new StringBuilder("(module\n");
    List<FuncType> types = WasmEncoder.types(module);
    for (int i = 0; i < types.size(); i++) {
      sb.append("  (type (;").append(i).append(";) (func").append(signature(types.get(i)));
      sb.append("))\n");
    }
    var fns = module.functions();
    for (int i = 0; i < fns.size(); i++) {
      function(sb, module, i, types);
    }
    if (module.memory() != null) {
      sb.append("  (memory (;0;)")
          .append(export(module, WasmModule.Export.Kind.MEMORY, 0))
          .append(' ')
          .append(module.memory().minPages())
          .append(' ')
          .append(module.memory().maxPages())
          .append(")\n");
    }
    var globals = module.globals();
    for (int i = 0; i < globals.size(); i++) {
      var g = globals.get(i);
      String type = g.mutable() ? "(mut " + g.type().text() + ")" : g.type().text();
      sb.append("  (global $")
          .append(g.name())
          .append(export(module, WasmModule.Export.Kind.GLOBAL, i))
          .append(' ')
          .append(type)
          .append(" (")
          .append(g.type().text())
          .append(".const ")
          .append(g.init())
          .append("))\n");
    }
    for (var d : module.data()) {
      sb.append("  (data (i32.const ").append(d.offset()).append(") \"");
      sb.append(escape(d.bytes())).append("\")\n");
    }
    for (var c : module.customs()) {
      sb.append("  ;; custom section \"").append(c.name()).append("\"\n");
    }
    return sb.append(")\n").toString();
  }

  private static void function(
      StringBuilder sb, WasmModule module, int index, List<FuncType> types) {
    var f = module.functions().get(index);
    Code code = f.code();
    List<String> names = code.localNames();
    sb.append("  (func $").append(f.name());
    sb.append(export(module, WasmModule.Export.Kind.FUNC, index));
    sb.append(" (type ").append(types.indexOf(f.type())).append(')');
    for (int p = 0; p < f.type().params().size(); p++) {
      sb.append(" (param $").append(names.get(p)).append(' ');
      sb.append(f.type().params().get(p).text()).append(')');
    }
    if (!f.type().results().isEmpty()) {
      sb.append(" (result ");
      sb.append(f.type().results().stream().map(ValType::text).collect(Collectors.joining(" ")));
      sb.append(')');
    }
    sb.append('\n');
    int params = f.type().params().size();
    var locals = code.locals();
    for (int l = 0; l < locals.size(); l++) {
      sb.append("    (local $").append(names.get(params + l)).append(' ');
      sb.append(locals.get(l).text()).append(")\n");
    }
    int depth = 2;
    for (Instr in : code.instructions()) {
      if (in.op() == Op.END || in.op() == Op.ELSE) {
        depth--;
      }
      sb.append("  ".repeat(depth)).append(in.op().text()).append(operand(module, names, in));
      sb.append('\n');
      if (in.op() == Op.BLOCK || in.op() == Op.LOOP || in.op() == Op.IF || in.op() == Op.ELSE) {
        depth++;
      }
    }
    sb.append("  )\n");
  }

  private static String operand(WasmModule module, List<String> locals, Instr in) {
    return switch (in.op().imm()) {
      case NONE -> "";
      case BLOCK ->
          in.a() == Instr.EMPTY_BLOCK
              ? ""
              : " (result " + (in.a() == ValType.I32.code() ? "i32" : "i64") + ")";
      case LABEL, I32, I64 -> " " + in.a();
      case FUNC -> " $" + module.functions().get((int) in.a()).name();
      case LOCAL -> " $" + locals.get((int) in.a());
      case GLOBAL -> " $" + module.globals().get((int) in.a()).name();
      case MEM ->
          (in.b() == 0 ? "" : " offset=" + in.b())
              + (in.a() == in.op().naturalAlign() ? "" : " align=" + (1 << in.a()));
    };
  }

  private static String signature(FuncType t) {
    var sb = new StringBuilder();
    for (ValType p : t.params()) {
      sb.append(" (param ").append(p.text()).append(')');
    }
    for (ValType r : t.results()) {
      sb.append(" (result ").append(r.text()).append(')');
    }
    return sb.toString();
  }

  private static String export(WasmModule module, WasmModule.Export.Kind kind, int index) {
    String name = module.exportName(kind, index);
    return name == null ? "" : " (export \"" + name + "\")";
  }

  private static String escape(byte[] bytes) {
    var sb = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        sb.append((char) c);
      } else {
        sb.append(String.format("\\%02x", c));
      }
    }
    return sb.toString();
  }
}
