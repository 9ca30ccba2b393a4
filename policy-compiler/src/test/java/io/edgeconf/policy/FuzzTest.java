package io.edgeconf.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The front end never crashes: random bytes and thousands of mutations of real policies give
 * diagnostics, never an exception and never an internal error. Seeded, so failures reproduce.
 */
class FuzzTest {
  private static final List<String> SOURCES =
      List.of(
          Policies.example("greenhouse.policy"),
          Policies.example("cold_chain.policy"),
          Policies.example("lighting.policy"),
          Policies.example("pump_station.policy"));

  private static final String[] TOKENS = {
    "(",
    ")",
    "{",
    "}",
    ",",
    ":",
    "=",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "..",
    "\n",
    " ",
    "#",
    "##",
    "\"",
    "\\",
    "\\u{",
    "0x",
    "_",
    "1h",
    "9999999999999999999",
    "and",
    "or",
    "not",
    "when",
    "field",
    "require",
    "rollout",
    "tag(",
    "num(",
    "attr(",
    "fw",
    "board",
    "esp32",
    "text(",
    "enum {",
    "2.5%",
    "-",
    "true",
    "u8",
    "\u00e9",
    "\t",
    "\r"
  };

  @Test
  void randomBytesNeverCrash() {
    Random r = new Random(20240501);
    for (int i = 0; i < 1500; i++) {
      byte[] bytes = new byte[r.nextInt(200)];
      r.nextBytes(bytes);
      check("bytes#" + i, PolicyFrontEnd.compile("fuzz.policy", bytes));
    }
  }

  @Test
  void mutatedPoliciesNeverCrash() {
    Random r = new Random(7);
    for (int i = 0; i < 2000; i++) {
      String src = SOURCES.get(i % SOURCES.size());
      String mutated = mutate(src, r, 1 + r.nextInt(4));
      check("mutation#" + i, PolicyFrontEnd.compile("fuzz.policy", mutated));
    }
  }

  @Test
  void mutatedBytesNeverCrash() {
    Random r = new Random(99);
    byte[] base = SOURCES.get(0).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 600; i++) {
      byte[] b = base.clone();
      for (int k = 0; k < 1 + r.nextInt(3); k++) {
        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      }
      check("byteflip#" + i, PolicyFrontEnd.compile("fuzz.policy", b));
    }
  }

  @Test
  void pathologicalInputs() {
    check(
        "parens",
        PolicyFrontEnd.compile("p", "policy p version 1\nrequire " + "(".repeat(50_000) + "true"));
    check(
        "nots",
        PolicyFrontEnd.compile(
            "p", "policy p version 1\nrequire " + "not ".repeat(50_000) + "true"));
    check(
        "minus",
        PolicyFrontEnd.compile(
            "p", "policy p version 1\nfield a : i8 = " + "-".repeat(50_000) + "1"));
    check(
        "chain",
        PolicyFrontEnd.compile(
            "p", "policy p version 1\nfield a : u8 = 1" + " + 1".repeat(50_000)));
    check("empty", PolicyFrontEnd.compile("p", ""));
    check("null", PolicyFrontEnd.compile("p", (String) null));
  }

  private static String mutate(String src, Random r, int edits) {
    StringBuilder s = new StringBuilder(src);
    for (int k = 0; k < edits && s.length() > 0; k++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(4)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
        case 2 -> s.setCharAt(at, (char) (32 + r.nextInt(95)));
        default -> {
          int len = Math.min(s.length() - at, r.nextInt(30));
          s.delete(at, at + len);
        }
      }
    }
    return s.toString();
  }

  private static void check(String what, FrontEndResult r) {
    assertNotNull(r, what);
    String text = r.diagnostics().render();
    assertFalse(text.contains("internal compiler error"), what + ":\n" + text);
  }
}
