package io.edgeconf.policy.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

class WasmEncoderTest {
  /**
   * {@code (func $add (export "add") (param i32 i32) (result i32) local.get 0 local.get 1
   * i32.add)}.
   */
  private static WasmModule adder() {
    var m = new WasmModule();
    int add = m.function("add", FuncType.of(List.of(ValType.I32, ValType.I32), ValType.I32));
    m.define(add, new Code(List.of("a", "b")).get(0).get(1).op(Op.I32_ADD));
    m.export("add", WasmModule.Export.Kind.FUNC, add);
    return m;
  }

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void encodesAFunctionByteForByte() {
    byte[] expected =
        bytes(
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, // \0asm, version 1
            0x01, 0x07, 0x01, 0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F, // type: (i32 i32) -> i32
            0x03, 0x02, 0x01, 0x00, // function: one, of type 0
            0x07, 0x07, 0x01, 0x03, 'a', 'd', 'd', 0x00, 0x00, // export "add" func 0
            0x0A, 0x09, 0x01, 0x07, 0x00, // code: one body of 7 bytes, no locals
            0x20, 0x00, 0x20, 0x01, 0x6A, 0x0B); // local.get 0, local.get 1, i32.add, end
    assertArrayEquals(expected, WasmEncoder.encode(adder()));
  }

  @Test
  void encodesMemoryGlobalsDataAndCustomSections() {
    var m = new WasmModule();
    m.memory(1, 1);
    m.export("memory", WasmModule.Export.Kind.MEMORY, 0);
    int g = m.global("g", ValType.I32, false, 1024);
    m.export("g", WasmModule.Export.Kind.GLOBAL, g);
    m.data(16, new byte[] {'h', 'i'});
    m.custom("x", new byte[] {7});
    byte[] expected =
        bytes(
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x05, 0x04, 0x01, 0x01, 0x01,
            0x01, // memory: min 1 max 1
            0x06, 0x07, 0x01, 0x7F, 0x00, 0x41, 0x80, 0x08, 0x0B, // global i32 const 1024
            0x07, 0x0E, 0x02, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00, 0x01, 'g', 0x03, 0x00,
            0x0B, 0x08, 0x01, 0x00, 0x41, 0x10, 0x0B, 0x02, 'h', 'i', // data at 16: "hi"
            0x00, 0x03, 0x01, 'x', 0x07); // custom "x": 07
    assertArrayEquals(expected, WasmEncoder.encode(m));
    Parser.parse(expected);
  }

  @Test
  void encodesLocalsBlocksAndMemoryInstructions() {
    var m = new WasmModule();
    m.memory(1, 1);
    int f = m.function("f", FuncType.of(List.of(ValType.I32), ValType.I64));
    Code c = new Code(List.of("n"));
    int acc = c.local(ValType.I64, "acc");
    int i = c.local(ValType.I64, "i");
    c.block().loop();
    c.get(0).op(Op.I32_EQZ).brIf(1);
    c.get(acc).get(0).op(Op.I64_EXTEND_I32_S).op(Op.I64_ADD).set(acc);
    c.get(0).i32(1).op(Op.I32_SUB).set(0).br(0).end().end();
    c.i32(8).get(acc).mem(Op.I64_STORE, 4);
    c.i32(0).mem(Op.I64_LOAD, 12);
    m.define(f, c);
    m.export("f", WasmModule.Export.Kind.FUNC, f);
    byte[] module = WasmEncoder.encode(m);
    var instance = Instance.builder(Parser.parse(module)).build();
    assertEquals(55, instance.export("f").apply(10)[0]);
    assertEquals(55, instance.memory().readLong(12));
    assertTrue(i > acc);
    String wat = WatPrinter.print(m);
    assertTrue(wat.contains("(func $f (export \"f\") (type 0) (param $n i32) (result i64)"), wat);
    assertTrue(wat.contains("    (local $acc i64)\n"), wat);
    assertTrue(wat.contains("      loop\n        local.get $n\n"), wat);
    assertTrue(wat.contains("    i64.store offset=4\n"), wat);
  }

  @Test
  void signExtensionAndConstants() {
    var m = new WasmModule();
    int f = m.function("f", FuncType.of(List.of(), ValType.I64));
    m.define(
        f, new Code(List.of()).i64(0x80).op(Op.I64_EXTEND8_S).i64(Long.MIN_VALUE).op(Op.I64_XOR));
    m.export("f", WasmModule.Export.Kind.FUNC, f);
    var instance = Instance.builder(Parser.parse(WasmEncoder.encode(m))).build();
    assertEquals(-128L ^ Long.MIN_VALUE, instance.export("f").apply()[0]);
  }

  @Test
  void unbalancedBlocksAndBadImmediatesAreRefused() {
    assertThrows(IllegalStateException.class, () -> new Code(List.of()).block().encode());
    assertThrows(IllegalStateException.class, () -> new Code(List.of()).end());
    assertThrows(IllegalArgumentException.class, () -> new Code(List.of()).op(Op.CALL));
    assertThrows(IllegalArgumentException.class, () -> new Code(List.of()).get(-1));
    var m = new WasmModule();
    m.function("f", FuncType.of(List.of(), null));
    assertThrows(IllegalStateException.class, () -> WasmEncoder.encode(m));
  }

  @Test
  void printsTheModule() {
    assertEquals(
        """
        (module
          (type (;0;) (func (param i32) (param i32) (result i32)))
          (func $add (export "add") (type 0) (param $a i32) (param $b i32) (result i32)
            local.get $a
            local.get $b
            i32.add
          )
        )
        """,
        WatPrinter.print(adder()));
  }
}
