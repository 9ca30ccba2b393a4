package io.edgeconf.policy.check;

/**
 * The source text of an expression for metadata and messages: comments dropped, spaces collapsed.
 */
final class SourceText {
  private SourceText() {}

  static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inString = false;
    boolean space = false;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (inString) {
        out.append(c);
        if (c == '\\' && k + 1 < text.length()) {
          out.append(text.charAt(++k));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '#') {
        while (k + 1 < text.length() && text.charAt(k + 1) != '\n') {
          k++;
        }
        space = true;
      } else if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && !out.isEmpty() && out.charAt(out.length() - 1) != '(' && c != ')') {
          out.append(' ');
        }
        space = false;
        out.append(c);
        inString = c == '"';
      }
    }
    return out.toString();
  }
}
