package io.edgeconf.policy.codegen;

import io.edgeconf.bridge.module.WasmSections;
import java.util.ArrayList;
import java.util.List;

/**
 * The size of a module by section, as {@code compile} and {@code inspect} report it.
 *
 * @param total bytes of the whole module
 * @param sections every section in module order
 */
public record ModuleSizes(int total, List<Section> sections) {
  /**
   * One section.
   *
   * @param name {@code type}, {@code code}, ... or {@code custom:NAME}
   * @param bytes bytes of the whole section, id and size included
   */
  public record Section(String name, int bytes) {}

  private static final String[] NAMES = {
    "custom",
    "type",
    "import",
    "function",
    "table",
    "memory",
    "global",
    "export",
    "start",
    "element",
    "code",
    "data",
    "datacount"
  };

  public ModuleSizes {
    sections = List.copyOf(sections);
  }

  /**
   * Measures a module.
   *
   * @throws io.edgeconf.bridge.module.ModuleFormatException when its sections cannot be read
   */
  public static ModuleSizes of(byte[] module) {
    List<Section> out = new ArrayList<>();
    for (var s : WasmSections.parse(module).sections()) {
      String name =
          s.id() == WasmSections.CUSTOM
              ? "custom:" + s.name()
              : s.id() < NAMES.length ? NAMES[s.id()] : "section" + s.id();
      out.add(new Section(name, s.totalSize()));
    }
    return new ModuleSizes(module.length, out);
  }

  /** Bytes of the named sections together (0 for those that are absent). */
  public int of(String... names) {
    int sum = 0;
    for (Section s : sections) {
      for (String n : names) {
        if (s.name().equals(n)) {
          sum += s.bytes();
        }
      }
    }
    return sum;
  }

  /** Bytes of the code and data sections together: the figure the size goal is about. */
  public int codeAndData() {
    return of("code", "data");
  }

  /** One line: {@code total 1234 B: type 30, function 9, ...}. */
  public String summary() {
    var sb = new StringBuilder("total " + total + " B:");
    for (int i = 0; i < sections.size(); i++) {
      sb.append(i == 0 ? " " : ", ").append(sections.get(i).name()).append(' ');
      sb.append(sections.get(i).bytes());
    }
    return sb.toString();
  }
}
