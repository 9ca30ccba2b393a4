package io.edgeconf.security;

import static io.edgeconf.security.Wasm.bytes;
import static io.edgeconf.security.Wasm.cat;
import static io.edgeconf.security.Wasm.uleb;
import static io.edgeconf.security.Wasm.vec;

import io.edgeconf.agent.ErrorCode;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The generated corpus of malformed and invalid modules, by class. Deterministic: the only
 * randomness is a seeded {@link Random}. Every case is re-signed with the trusted key when its
 * sections can still be read, so that the check under test, not the signature, trips.
 */
final class Corpus {
  /** One module of the corpus and the codes its class may be refused with. */
  record Case(String kind, String label, byte[] bytes, Set<ErrorCode> allowed) {}

  static final Set<ErrorCode> INVALID = EnumSet.of(ErrorCode.INVALID_WASM);

  private final PrivateKey key;
  private final byte[] meta;
  final List<Case> cases = new ArrayList<>();

  /**
   * @param key the trusted key every case is signed with
   * @param meta a real {@code edgeconf.meta} appended to hand-made modules
   */
  Corpus(PrivateKey key, byte[] meta) {
    this.key = key;
    this.meta = meta;
  }

  private void add(String kind, String label, byte[] module, Set<ErrorCode> allowed) {
    cases.add(new Case(kind, label, module, allowed));
  }

  /** A hand-made module with the real metadata, signed. */
  private byte[] finish(AbiModule m) {
    return Modules.trySign(Modules.appendCustom(m.encode(), "edgeconf.meta", meta), key);
  }

  private byte[] finish(byte[] unsigned) {
    return Modules.trySign(unsigned, key);
  }

  /** A section as found in a binary: id byte at start, content from payload to end. */
  record Raw(int id, int start, int payload, int end) {}

  static List<Raw> sections(byte[] b) {
    List<Raw> out = new ArrayList<>();
    int pos = 8;
    while (pos < b.length) {
      int start = pos;
      int id = b[pos++] & 0xFF;
      long size = 0;
      int shift = 0;
      while (true) {
        int x = b[pos++] & 0xFF;
        size |= (long) (x & 0x7F) << shift;
        shift += 7;
        if ((x & 0x80) == 0) {
          break;
        }
      }
      out.add(new Raw(id, start, pos, (int) (pos + size)));
      pos = (int) (pos + size);
    }
    return out;
  }

  static byte[] replaceSection(byte[] b, Raw s, byte[] header, byte[] content) {
    return cat(
        Arrays.copyOf(b, s.start()), header, content, Arrays.copyOfRange(b, s.end(), b.length));
  }

  /** Every prefix of a (small, signed) module. */
  void truncatedFile(String label, byte[] signed) {
    var boundaries = sections(signed).stream().map(Raw::start).toList();
    for (int len = 0; len < signed.length; len++) {
      boolean boundary = boundaries.contains(len) || len == 8;
      add(
          "truncated-file",
          label + "[0.." + len + ")",
          Arrays.copyOf(signed, len),
          boundary
              ? EnumSet.of(ErrorCode.INVALID_WASM, ErrorCode.EXPORTS, ErrorCode.SIGNATURE)
              : INVALID);
    }
  }

  /** Every section but the signature cut at every length, its size adjusted, re-signed. */
  void truncatedSections(String label, byte[] unsigned) {
    for (Raw s : sections(unsigned)) {
      int length = s.end() - s.payload();
      for (int cut = 0; cut < length; cut++) {
        byte[] content = Arrays.copyOfRange(unsigned, s.payload(), s.payload() + cut);
        byte[] module = replaceSection(unsigned, s, cat(bytes(s.id()), uleb(cut)), content);
        add(
            "truncated-section",
            label + " section " + s.id() + "@" + s.start() + " cut to " + cut + "/" + length,
            finish(module),
            s.id() == 0 ? EnumSet.of(ErrorCode.INVALID_WASM, ErrorCode.MALFORMED) : INVALID);
      }
    }
  }

  /** LEB128s that are too long, exceed u32 or never end, as section sizes and vector counts. */
  void badLebs(String label, byte[] unsigned) {
    List<byte[]> bad =
        List.of(
            bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x00), // six bytes
            bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x7F), // above u32
            bytes(0x80, 0x80, 0x80, 0x80, 0x10), // 2^32
            bytes(0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)); // eleven
    for (Raw s : sections(unsigned)) {
      if (s.id() == 0) {
        continue;
      }
      byte[] content = Arrays.copyOfRange(unsigned, s.payload(), s.end());
      int countLength = lebLength(content, 0);
      byte[] rest = Arrays.copyOfRange(content, countLength, content.length);
      for (int i = 0; i < bad.size(); i++) {
        // As the section size.
        add(
            "bad-leb",
            label + " section " + s.id() + " size #" + i,
            finish(replaceSection(unsigned, s, bytes(s.id()), cat(bad.get(i), content))),
            INVALID);
        // As the section's vector count (the size adjusted).
        byte[] c = cat(bad.get(i), rest);
        add(
            "bad-leb",
            label + " section " + s.id() + " count #" + i,
            finish(replaceSection(unsigned, s, cat(bytes(s.id()), uleb(c.length)), c)),
            INVALID);
      }
      // A size whose LEB128 never ends: it runs into the end of the file.
      add(
          "bad-leb",
          label + " section " + s.id() + " unterminated size",
          Arrays.copyOf(
              cat(Arrays.copyOf(unsigned, s.start()), bytes(s.id(), 0x80, 0x80, 0x80)),
              s.start() + 4),
          INVALID);
    }
    // Inside code: constants and local counts.
    byte[][] badConsts = {
      bytes(0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B), // i32.const, 6 bytes
      bytes(0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x4F, 0x0B), // i32.const, bad sign bits
      bytes(0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B), // i32.const, unused bits set
      bytes(0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B), // i64
      bytes(0x41, 0x80, 0x0B), // i32.const ending too early: 0x0B read as LEB
      bytes(0x41), // i32.const at the end of the body
    };
    for (int i = 0; i < badConsts.length; i++) {
      var m = new AbiModule();
      m.renderCode = badConsts[i];
      add("bad-leb", "hand render i32.const #" + i, finish(m.build()), INVALID);
      var g = AbiModule.standard();
      g.set(
          Wasm.GLOBAL,
          vec(
              List.of(
                  cat(bytes(Wasm.I32, 0), badConsts[i]),
                  Wasm.constGlobal(0),
                  Wasm.constGlobal(1024),
                  Wasm.constGlobal(1024),
                  Wasm.constGlobal(4096))));
      add("bad-leb", "hand global init #" + i, finish(g), INVALID);
    }
    var locals = new AbiModule();
    locals.renderLocals = bytes(1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, Wasm.I32);
    add("bad-leb", "hand local count 6 bytes", finish(locals.build()), INVALID);
    var limits =
        AbiModule.standard().set(Wasm.MEMORY, bytes(1, 1, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00, 2));
    add("bad-leb", "hand memory min 6 bytes", finish(limits), INVALID);
    var nameLen = AbiModule.standard();
    List<byte[]> exports = new ArrayList<>(AbiModule.defaultExports());
    exports.set(
        0, cat(bytes(0x86, 0x80, 0x80, 0x80, 0x80, 0x00), "memory".getBytes(), bytes(2, 0)));
    add(
        "bad-leb",
        "hand export name length 6 bytes",
        finish(nameLen.set(Wasm.EXPORT, vec(exports))),
        INVALID);
  }

  private static int lebLength(byte[] b, int at) {
    int i = at;
    while ((b[i] & 0x80) != 0) {
      i++;
    }
    return i - at + 1;
  }

  /** Vector counts and lengths far beyond what follows. */
  void hugeCounts(String label, byte[] unsigned) {
    long[] counts = {1, 1000, 1L << 28, 0x7FFF_FFFFL, 0xFFFF_FFFFL};
    for (Raw s : sections(unsigned)) {
      if (s.id() == 0) {
        continue;
      }
      byte[] content = Arrays.copyOfRange(unsigned, s.payload(), s.end());
      int countLength = lebLength(content, 0);
      long count = 0;
      for (int i = countLength - 1; i >= 0; i--) {
        count = (count << 7) | (content[i] & 0x7F);
      }
      byte[] rest = Arrays.copyOfRange(content, countLength, content.length);
      for (long extra : counts) {
        long n = extra <= 1000 ? count + extra : extra;
        byte[] c = cat(uleb(n), rest);
        add(
            "huge-count",
            label + " section " + s.id() + " count " + n,
            finish(replaceSection(unsigned, s, cat(bytes(s.id()), uleb(c.length)), c)),
            INVALID);
      }
    }
    // Hand-made: huge local counts, lengths and sizes.
    long[] many = {1L << 20, 1L << 31, 0xFFFF_FFFFL};
    for (long n : many) {
      var m = new AbiModule();
      m.renderLocals = cat(bytes(1), uleb(n), bytes(Wasm.I64));
      add("huge-count", "hand " + n + " i64 locals", finish(m.build()), INVALID);
      var two = new AbiModule();
      two.renderLocals = cat(bytes(2), uleb(n), bytes(Wasm.I64), uleb(n), bytes(Wasm.I32));
      add("huge-count", "hand 2x" + n + " locals", finish(two.build()), INVALID);
      List<byte[]> exports = new ArrayList<>(AbiModule.defaultExports());
      exports.set(0, cat(uleb(n), "memory".getBytes(), bytes(2, 0)));
      add(
          "huge-count",
          "hand export name length " + n,
          finish(AbiModule.standard().set(Wasm.EXPORT, vec(exports))),
          INVALID);
      byte[] data = cat(bytes(1, 0), Wasm.i32(0), bytes(0x0B), uleb(n), bytes(1, 2, 3));
      add(
          "huge-count",
          "hand data length " + n,
          finish(AbiModule.standard().set(Wasm.DATA, data)),
          INVALID);
      byte[] type = cat(bytes(1, 0x60), uleb(n), bytes(Wasm.I32, 1, Wasm.I32));
      add(
          "huge-count",
          "hand type params " + n,
          finish(AbiModule.standard().set(Wasm.TYPE, type)),
          INVALID);
      byte[] body = cat(uleb(n), bytes(0, 0x41, 0, 0x0B));
      add(
          "huge-count",
          "hand body size " + n,
          finish(
              AbiModule.standard()
                  .set(
                      Wasm.CODE,
                      cat(bytes(2), body, Wasm.body(Wasm.NO_LOCALS, bytes(0x41, 0, 0x0B))))),
          INVALID);
      byte[] dc = cat(uleb(n));
      add(
          "huge-count",
          "hand data count " + n,
          finish(AbiModule.standard().set(Wasm.DATA_COUNT, dc)),
          INVALID);
    }
    // br_table with a huge target count.
    var table = new AbiModule();
    table.renderCode = cat(bytes(0x41, 0, 0x0E), uleb(0xFFFF_FFF0L), bytes(0, 0, 0x41, 0, 0x0B));
    add("huge-count", "hand br_table 2^32-16 targets", finish(table.build()), INVALID);
  }

  /** Known sections swapped, duplicated, or with an unknown id. */
  void wrongOrder(String label, byte[] unsigned) {
    List<Raw> all = sections(unsigned).stream().filter(s -> s.id() != 0).toList();
    byte[] tail = Arrays.copyOfRange(unsigned, all.get(all.size() - 1).end(), unsigned.length);
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        List<Raw> order = new ArrayList<>(all);
        order.set(i, all.get(j));
        order.set(j, all.get(i));
        add(
            "wrong-order",
            label + " swap " + all.get(i).id() + "<->" + all.get(j).id(),
            finish(rebuild(unsigned, order, tail)),
            INVALID);
      }
      List<Raw> twice = new ArrayList<>(all);
      twice.add(i + 1, all.get(i));
      add(
          "wrong-order",
          label + " section " + all.get(i).id() + " twice",
          finish(rebuild(unsigned, twice, tail)),
          INVALID);
      List<Raw> reversed = new ArrayList<>(all);
      java.util.Collections.reverse(reversed);
      if (i == 0) {
        add("wrong-order", label + " reversed", finish(rebuild(unsigned, reversed, tail)), INVALID);
      }
    }
    for (int id : new int[] {14, 15, 64, 127, 128, 255}) {
      byte[] unknown =
          cat(
              Wasm.HEADER,
              Wasm.section(id, bytes(0)),
              Arrays.copyOfRange(unsigned, 8, unsigned.length));
      add("wrong-order", label + " unknown section id " + id, finish(unknown), INVALID);
    }
    // A data count that disagrees with the data section.
    add(
        "wrong-order",
        "hand data count 3 for 1 segment",
        finish(
            AbiModule.standard()
                .set(Wasm.DATA_COUNT, bytes(3))
                .set(Wasm.DATA, cat(bytes(1, 0), Wasm.i32(2048), bytes(0x0B, 1, 7)))),
        INVALID);
    // Function section without code section, and the reverse.
    add(
        "wrong-order",
        "hand no code section",
        finish(AbiModule.standard().set(Wasm.CODE, null)),
        INVALID);
    add(
        "wrong-order",
        "hand no function section",
        finish(AbiModule.standard().set(Wasm.FUNCTION, null)),
        INVALID);
  }

  private static byte[] rebuild(byte[] b, List<Raw> order, byte[] tail) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(Wasm.HEADER);
    for (Raw s : order) {
      parts.add(Arrays.copyOfRange(b, s.start(), s.end()));
    }
    parts.add(tail);
    return cat(parts.toArray(byte[][]::new));
  }
}
