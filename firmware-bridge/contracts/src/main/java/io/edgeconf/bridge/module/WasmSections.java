package io.edgeconf.bridge.module;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The section layout of a WebAssembly binary: enough to find custom sections ({@code
 * edgeconf.meta}, {@code edgeconf.sig}) and measure sections, without validating code (Chicory does
 * that). Immutable.
 */
public final class WasmSections {
  /** {@code \0asm} then version 1. */
  public static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

  /** Section id of custom sections. */
  public static final int CUSTOM = 0;

  /**
   * One section.
   *
   * @param id the section id
   * @param name the custom section's name ({@code ""} for other sections)
   * @param start offset of the section id byte
   * @param contentStart offset of the content (after the size; for custom sections after the name)
   * @param end offset just past the section
   */
  public record Section(int id, String name, int start, int contentStart, int end) {
    /** Bytes of the whole section, id and size included. */
    public int totalSize() {
      return end - start;
    }
  }

  private final byte[] bytes;
  private final List<Section> sections;

  private WasmSections(byte[] bytes, List<Section> sections) {
    this.bytes = bytes;
    this.sections = List.copyOf(sections);
  }

  /**
   * Splits a module into its sections.
   *
   * @throws ModuleFormatException with the offset of the first thing that is wrong
   */
  public static WasmSections parse(byte[] bytes) {
    if (bytes.length < HEADER.length) {
      throw new ModuleFormatException("not a WebAssembly module: " + bytes.length + " bytes");
    }
    for (int i = 0; i < HEADER.length; i++) {
      if (bytes[i] != HEADER[i]) {
        throw new ModuleFormatException(
            "not a WebAssembly 1.0 module (bad header at offset " + i + ")");
      }
    }
    List<Section> sections = new ArrayList<>();
    int pos = HEADER.length;
    while (pos < bytes.length) {
      int start = pos;
      int id = bytes[pos++] & 0xFF;
      long[] size = readU32(bytes, pos);
      pos = (int) size[1];
      long end = pos + size[0];
      if (end > bytes.length) {
        throw new ModuleFormatException(
            "section " + id + " at offset 0x" + Integer.toHexString(start) + " runs past the end");
      }
      String name = "";
      int contentStart = pos;
      if (id == CUSTOM) {
        long[] nameLength = readU32(bytes, pos);
        int nameStart = (int) nameLength[1];
        if (nameStart + nameLength[0] > end) {
          throw new ModuleFormatException(
              "custom section name at offset 0x" + Integer.toHexString(start) + " runs past it");
        }
        name = new String(bytes, nameStart, (int) nameLength[0], StandardCharsets.UTF_8);
        contentStart = nameStart + (int) nameLength[0];
      }
      sections.add(new Section(id, name, start, contentStart, (int) end));
      pos = (int) end;
    }
    return new WasmSections(bytes, sections);
  }

  /** Every section, in order. */
  public List<Section> sections() {
    return sections;
  }

  /** The first custom section with this name. */
  public Optional<Section> custom(String name) {
    return sections.stream().filter(s -> s.id() == CUSTOM && s.name().equals(name)).findFirst();
  }

  /** The content of the first custom section with this name. */
  public Optional<byte[]> customContent(String name) {
    return custom(name).map(s -> java.util.Arrays.copyOfRange(bytes, s.contentStart(), s.end()));
  }

  /** The last section, if any. */
  public Optional<Section> last() {
    return sections.isEmpty() ? Optional.empty() : Optional.of(sections.get(sections.size() - 1));
  }

  /** Reads an unsigned LEB128 u32; returns {value, next offset}. */
  private static long[] readU32(byte[] bytes, int pos) {
    long result = 0;
    int shift = 0;
    while (true) {
      if (pos >= bytes.length) {
        throw new ModuleFormatException(
            "LEB128 at offset 0x" + Integer.toHexString(pos) + " runs past the end");
      }
      int b = bytes[pos++] & 0xFF;
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 28) {
        throw new ModuleFormatException(
            "LEB128 at offset 0x" + Integer.toHexString(pos) + " is too long");
      }
    }
    if (result > 0xFFFF_FFFFL) {
      throw new ModuleFormatException(
          "LEB128 at offset 0x" + Integer.toHexString(pos) + " exceeds u32");
    }
    return new long[] {result, pos};
  }
}
