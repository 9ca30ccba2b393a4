package io.edgeconf.security;

import static io.edgeconf.security.Wasm.bytes;
import static io.edgeconf.security.Wasm.cat;
import static io.edgeconf.security.Wasm.vec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-made module with every ABI export, section by section, each section's content replaceable
 * before {@link #encode()}: the base of the byte-level corpus. Its render returns 0 (an empty
 * image), so even when it is valid it fails the self-test of any real metadata.
 */
final class AbiModule {
  /** Section contents by id, in binary order; null = section left out. */
  final Map<Integer, byte[]> sections = new TreeMap<>(Comparator.comparingInt(AbiModule::rank));

  private static final List<Integer> ORDER =
      List.of(
          Wasm.TYPE,
          Wasm.IMPORT,
          Wasm.FUNCTION,
          Wasm.TABLE,
          Wasm.MEMORY,
          Wasm.GLOBAL,
          Wasm.EXPORT,
          Wasm.START,
          Wasm.ELEMENT,
          Wasm.DATA_COUNT,
          Wasm.CODE,
          Wasm.DATA);

  private static int rank(int id) {
    int i = ORDER.indexOf(id);
    return i < 0 ? 100 + id : i;
  }

  byte[] renderCode = bytes(0x41, 0, 0x0B);
  byte[] checkCode = bytes(0x41, 0, 0x0B);
  byte[] renderLocals = Wasm.NO_LOCALS;
  List<byte[]> extraTypes = new ArrayList<>();
  List<byte[]> exports = defaultExports();

  static List<byte[]> defaultExports() {
    List<byte[]> e = new ArrayList<>();
    e.add(Wasm.export("memory", 2, 0));
    e.add(Wasm.export("ec_abi", 3, 0));
    e.add(Wasm.export("ec_in", 3, 1));
    e.add(Wasm.export("ec_in_cap", 3, 2));
    e.add(Wasm.export("ec_out", 3, 3));
    e.add(Wasm.export("ec_out_cap", 3, 4));
    e.add(Wasm.export("ec_render", 0, 0));
    e.add(Wasm.export("ec_check", 0, 1));
    return e;
  }

  /** The valid sections, built from the fields; call before replacing one. */
  AbiModule build() {
    List<byte[]> types = new ArrayList<>();
    types.add(bytes(0x60, 1, Wasm.I32, 1, Wasm.I32));
    types.addAll(extraTypes);
    sections.put(Wasm.TYPE, vec(types));
    sections.put(Wasm.FUNCTION, bytes(2, 0, 0));
    sections.put(Wasm.MEMORY, bytes(1, 1, 1, 2));
    sections.put(
        Wasm.GLOBAL,
        vec(
            List.of(
                Wasm.constGlobal(1),
                Wasm.constGlobal(0),
                Wasm.constGlobal(1024),
                Wasm.constGlobal(1024),
                Wasm.constGlobal(4096))));
    sections.put(Wasm.EXPORT, vec(exports));
    sections.put(
        Wasm.CODE,
        vec(List.of(Wasm.body(renderLocals, renderCode), Wasm.body(Wasm.NO_LOCALS, checkCode))));
    return this;
  }

  AbiModule set(int id, byte[] content) {
    sections.put(id, content);
    return this;
  }

  /** Header plus every section present, in the binary format's order. */
  byte[] encode() {
    List<byte[]> parts = new ArrayList<>();
    parts.add(Wasm.HEADER);
    sections.forEach(
        (id, content) -> {
          if (content != null) {
            parts.add(Wasm.section(id, content));
          }
        });
    return cat(parts.toArray(byte[][]::new));
  }

  static AbiModule standard() {
    return new AbiModule().build();
  }
}
