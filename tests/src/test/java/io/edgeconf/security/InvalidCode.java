package io.edgeconf.security;

import static io.edgeconf.security.Wasm.bytes;
import static io.edgeconf.security.Wasm.cat;
import static io.edgeconf.security.Wasm.vec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Function bodies that do not validate, and modules whose indices point nowhere or whose exports
 * repeat a name. Random bodies are kept only when a small type-stack model of the spec's validation
 * says they are ill-typed, so every generated body is invalid by construction.
 */
final class InvalidCode {
  private InvalidCode() {}

  /** An instruction: its bytes, the operand types it pops (top last) and what it pushes. */
  private record Op(String name, byte[] code, int[] pops, int push) {}

  private static final int ANY = -1;
  private static final int NONE = 0;
  private static final int SELECT = -2;

  private static final List<Op> OPS =
      List.of(
          new Op("i32.const", bytes(0x41, 7), new int[0], Wasm.I32),
          new Op("i64.const", bytes(0x42, 7), new int[0], Wasm.I64),
          new Op("f32.const", bytes(0x43, 0, 0, 0x80, 0x3F), new int[0], Wasm.F32),
          new Op("f64.const", bytes(0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F), new int[0], Wasm.F64),
          new Op("local.get", bytes(0x20, 0), new int[0], Wasm.I32),
          new Op("global.get", bytes(0x23, 0), new int[0], Wasm.I32),
          new Op("memory.size", bytes(0x3F, 0), new int[0], Wasm.I32),
          new Op("i32.add", bytes(0x6A), new int[] {Wasm.I32, Wasm.I32}, Wasm.I32),
          new Op("i64.add", bytes(0x7C), new int[] {Wasm.I64, Wasm.I64}, Wasm.I64),
          new Op("f32.add", bytes(0x92), new int[] {Wasm.F32, Wasm.F32}, Wasm.F32),
          new Op("f64.mul", bytes(0xA2), new int[] {Wasm.F64, Wasm.F64}, Wasm.F64),
          new Op("i32.eqz", bytes(0x45), new int[] {Wasm.I32}, Wasm.I32),
          new Op("i64.eqz", bytes(0x50), new int[] {Wasm.I64}, Wasm.I32),
          new Op("i64.lt_s", bytes(0x53), new int[] {Wasm.I64, Wasm.I64}, Wasm.I32),
          new Op("i32.wrap_i64", bytes(0xA7), new int[] {Wasm.I64}, Wasm.I32),
          new Op("i64.extend_i32_u", bytes(0xAD), new int[] {Wasm.I32}, Wasm.I64),
          new Op("f32.convert_i32_s", bytes(0xB2), new int[] {Wasm.I32}, Wasm.F32),
          new Op("i32.reinterpret_f32", bytes(0xBC), new int[] {Wasm.F32}, Wasm.I32),
          new Op("i32.load", bytes(0x28, 2, 0), new int[] {Wasm.I32}, Wasm.I32),
          new Op("i64.load", bytes(0x29, 3, 0), new int[] {Wasm.I32}, Wasm.I64),
          new Op("i32.store", bytes(0x36, 2, 0), new int[] {Wasm.I32, Wasm.I32}, NONE),
          new Op("i64.store", bytes(0x37, 3, 0), new int[] {Wasm.I32, Wasm.I64}, NONE),
          new Op("drop", bytes(0x1A), new int[] {ANY}, NONE),
          new Op("select", bytes(0x1B), new int[] {SELECT}, SELECT));

  /** Whether a body of these ops validates as an (i32) -> i32 function body. */
  private static boolean valid(List<Op> ops) {
    List<Integer> stack = new ArrayList<>();
    for (Op op : ops) {
      if (op.pops().length == 1 && op.pops()[0] == SELECT) {
        if (stack.size() < 3 || stack.remove(stack.size() - 1) != Wasm.I32) {
          return false;
        }
        int a = stack.remove(stack.size() - 1);
        int b = stack.remove(stack.size() - 1);
        if (a != b) {
          return false;
        }
        stack.add(a);
        continue;
      }
      for (int i = op.pops().length - 1; i >= 0; i--) {
        if (stack.isEmpty()) {
          return false;
        }
        int top = stack.remove(stack.size() - 1);
        if (op.pops()[i] != ANY && op.pops()[i] != top) {
          return false;
        }
      }
      if (op.push() != NONE) {
        stack.add(op.push());
      }
    }
    return stack.size() == 1 && stack.get(0) == Wasm.I32;
  }

  /** {@code n} random ill-typed bodies (each ending with {@code end}). */
  static List<byte[]> randomIllTyped(long seed, int n) {
    Random random = new Random(seed);
    List<byte[]> out = new ArrayList<>();
    while (out.size() < n) {
      int len = 1 + random.nextInt(10);
      List<Op> ops = new ArrayList<>();
      for (int i = 0; i < len; i++) {
        ops.add(OPS.get(random.nextInt(OPS.size())));
      }
      if (valid(ops)) {
        continue;
      }
      var code = new ByteArrayOutputStream();
      ops.forEach(o -> code.writeBytes(o.code()));
      code.write(0x0B);
      out.add(code.toByteArray());
    }
    return out;
  }

  /** Hand-written bodies that break structured control flow, typing or encoding. */
  static List<byte[]> handWritten() {
    return List.of(
        bytes(0x0B), // no result
        bytes(0x41, 0, 0x41, 0, 0x0B), // two results
        bytes(0x6A, 0x0B), // i32.add on an empty stack
        bytes(0x00, 0x42, 0, 0x0B), // unreachable then an i64 result
        bytes(0x02, 0x7F, 0x0B, 0x0B), // block (result i32) left empty
        bytes(0x41, 0, 0x04, 0x7F, 0x41, 1, 0x0B, 0x0B), // if (result i32) without else
        bytes(0x41, 0, 0x04, 0x40, 0x41, 1, 0x0B, 0x41, 0, 0x0B), // if leaves a value
        bytes(0x0C, 5, 0x0B), // br to a label that does not exist
        bytes(0x41, 0, 0x0D, 1, 0x41, 0, 0x0B), // br_if 1 from the function: needs i32
        bytes(0x41, 0, 0x05, 0x0B), // else without if
        bytes(0x41, 0, 0x0B, 0x0B), // end after the final end
        bytes(0x41, 0), // no final end
        bytes(0x41, 0, 0x24, 0, 0x41, 0, 0x0B), // global.set of an immutable global
        bytes(0x41, 0, 0x28, 3, 0, 0x0B), // i32.load with alignment 8
        bytes(0x41, 0, 0x2D, 1, 0, 0x0B), // i32.load8_u with alignment 2
        bytes(0x41, 0, 0x40, 1, 0x0B), // memory.grow with a non-zero memory index
        bytes(0x41, 0, 0x11, 0, 0, 0x0B), // call_indirect without a table
        bytes(0xFF, 0x0B), // unknown opcode
        bytes(0x06, 0x0B), // reserved opcode (try)
        bytes(0xD3, 0x0B), // reserved opcode
        bytes(0xFC, 0x7F, 0x0B), // unknown 0xFC sub-opcode
        bytes(0xFD, 0x0C, 0x0B), // SIMD (not allowed in the ABI) half an instruction
        bytes(0x02, 0x40, 0x41, 0, 0x0B), // block never closed
        bytes(0x03, 0x7F, 0x0B, 0x0B), // loop (result i32) left empty
        bytes(0x41, 0, 0x0E, 1, 0, 5, 0x0B), // br_table to a missing label
        bytes(0x02, 0x7F, 0x42, 0, 0x0B, 0x0B), // block (result i32) yields i64
        bytes(0x41, 0, 0x0F, 0x0B, 0x41, 0, 0x0B, 0x42), // bytes after the final end
        bytes(0x02, 0x55, 0x0B, 0x41, 0, 0x0B), // block with an undefined type index (85)
        bytes(0x41, 0, 0x21, 0, 0x20, 1, 0x0B)); // local.get of a local that does not exist
  }

  /** Modules whose function, type, global, memory, local or data indices point nowhere. */
  static void outOfRange(BiConsumer<String, AbiModule> add) {
    for (long i : new long[] {2, 3, 100, 0xFFFF_FFFFL}) {
      var exports = new ArrayList<>(AbiModule.defaultExports());
      exports.set(6, Wasm.export("ec_render", 0, i));
      var m = new AbiModule();
      m.exports = exports;
      add.accept("export ec_render -> function " + i, m.build());
    }
    for (long i : new long[] {5, 6, 1000}) {
      var exports = new ArrayList<>(AbiModule.defaultExports());
      exports.set(1, Wasm.export("ec_abi", 3, i));
      var m = new AbiModule();
      m.exports = exports;
      add.accept("export ec_abi -> global " + i, m.build());
    }
    for (long i : new long[] {1, 2}) {
      var exports = new ArrayList<>(AbiModule.defaultExports());
      exports.set(0, Wasm.export("memory", 2, i));
      var m = new AbiModule();
      m.exports = exports;
      add.accept("export memory -> memory " + i, m.build());
    }
    var table = new AbiModule();
    table.exports = new ArrayList<>(AbiModule.defaultExports());
    table.exports.add(Wasm.export("t", 1, 0));
    add.accept("export of table 0 without a table", table.build());
    var kind = new AbiModule();
    kind.exports = new ArrayList<>(AbiModule.defaultExports());
    kind.exports.add(Wasm.export("k", 9, 0));
    add.accept("export of kind 9", kind.build());
    for (int t : new int[] {1, 7, 127}) {
      add.accept("function of type " + t, AbiModule.standard().set(Wasm.FUNCTION, bytes(2, 0, t)));
    }
    for (int f : new int[] {2, 50}) {
      var m = new AbiModule();
      m.renderCode = bytes(0x20, 0, 0x10, f, 0x0B);
      add.accept("call of function " + f, m.build());
    }
    for (int l : new int[] {1, 9, 127}) {
      var m = new AbiModule();
      m.renderCode = bytes(0x20, l, 0x0B);
      add.accept("local.get " + l, m.build());
    }
    for (int g : new int[] {5, 64}) {
      var m = new AbiModule();
      m.renderCode = bytes(0x23, g, 0x0B);
      add.accept("global.get " + g, m.build());
    }
    add.accept(
        "data segment for memory 1",
        AbiModule.standard().set(Wasm.DATA, cat(bytes(1, 2, 1), Wasm.i32(0), bytes(0x0B, 1, 9))));
    add.accept(
        "global init from global 0 of itself",
        AbiModule.standard()
            .set(
                Wasm.GLOBAL,
                vec(
                    List.of(
                        cat(bytes(Wasm.I32, 0, 0x23, 0, 0x0B)),
                        Wasm.constGlobal(0),
                        Wasm.constGlobal(1024),
                        Wasm.constGlobal(1024),
                        Wasm.constGlobal(4096)))));
    add.accept("start function 7", AbiModule.standard().set(Wasm.START, bytes(7)));
    add.accept("start function of type (i32)->i32", AbiModule.standard().set(Wasm.START, bytes(0)));
    add.accept(
        "element segment without a table",
        AbiModule.standard().set(Wasm.ELEMENT, cat(bytes(1, 0), Wasm.i32(0), bytes(0x0B, 1, 0))));
    add.accept("memory min above max", AbiModule.standard().set(Wasm.MEMORY, bytes(1, 1, 2, 1)));
    add.accept(
        "memory above 65536 pages",
        AbiModule.standard().set(Wasm.MEMORY, cat(bytes(1, 1, 1), Wasm.uleb(65537))));
    add.accept("two memories", AbiModule.standard().set(Wasm.MEMORY, bytes(2, 1, 1, 2, 1, 1, 2)));
    for (int pages : new int[] {1024, 16384, 65536}) {
      add.accept(
          "second memory of " + pages + " pages",
          AbiModule.standard().set(Wasm.MEMORY, cat(bytes(2, 1, 1, 2, 0), Wasm.uleb(pages))));
    }
    add.accept("memory limit flag 7", AbiModule.standard().set(Wasm.MEMORY, bytes(1, 7, 1, 2)));
  }

  /** Every export name repeated once, with the same or a different target. */
  static void duplicateExports(BiConsumer<String, AbiModule> add) {
    var base = AbiModule.defaultExports();
    String[] names = {
      "memory", "ec_abi", "ec_in", "ec_in_cap", "ec_out", "ec_out_cap", "ec_render", "ec_check"
    };
    for (int i = 0; i < base.size(); i++) {
      var same = new AbiModule();
      same.exports = new ArrayList<>(base);
      same.exports.add(base.get(i));
      add.accept("export '" + names[i] + "' twice, same target", same.build());
      var other = new AbiModule();
      other.exports = new ArrayList<>(base);
      int kind = i == 0 ? 2 : i < 6 ? 3 : 0;
      long index = i == 0 ? 0 : i < 6 ? (i % 5) : (i == 6 ? 1 : 0);
      other.exports.add(Wasm.export(names[i], kind, index));
      add.accept("export '" + names[i] + "' twice, other target", other.build());
    }
    var empty = new AbiModule();
    empty.exports = new ArrayList<>(base);
    empty.exports.add(Wasm.export("", 0, 0));
    empty.exports.add(Wasm.export("", 0, 1));
    add.accept("export '' twice", empty.build());
  }
}
