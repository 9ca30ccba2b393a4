package io.edgeconf.policy.cheader;

import java.util.Locale;
import java.util.Set;

/** C identifiers for policy names: field names that are C keywords get a trailing underscore. */
final class CNames {
  private static final Set<String> KEYWORDS =
      Set.of(
          "auto",
          "break",
          "case",
          "char",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extern",
          "float",
          "for",
          "goto",
          "if",
          "inline",
          "int",
          "long",
          "register",
          "restrict",
          "return",
          "short",
          "signed",
          "sizeof",
          "static",
          "struct",
          "switch",
          "typedef",
          "union",
          "unsigned",
          "void",
          "volatile",
          "while",
          "_Bool",
          "_Complex",
          "_Imaginary",
          "bool",
          "true",
          "false",
          "version");

  private CNames() {}

  /** A struct member name for a field. {@code version} is taken by the header's own member. */
  static String member(String field) {
    return KEYWORDS.contains(field) ? field + "_" : field;
  }

  /** The upper-case macro prefix of a policy (or of a policy and a field). */
  static String macro(String... parts) {
    return String.join("_", parts).toUpperCase(Locale.ROOT);
  }

  /** Text safe inside a C block comment. */
  static String comment(String text) {
    return text.replace("*/", "* /").replace("\r", "");
  }

  /** A C string literal of ASCII text. */
  static String literal(String text) {
    var sb = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7F) {
        sb.append(c);
      } else {
        sb.append(String.format("\\%03o", (int) c & 0xFF));
      }
    }
    return sb.append('"').toString();
  }
}
