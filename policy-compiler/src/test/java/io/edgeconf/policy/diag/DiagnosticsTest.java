package io.edgeconf.policy.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.policy.FrontEndResult;
import io.edgeconf.policy.Policies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error of a file in one run, each with place, source line, caret and hint. */
class DiagnosticsTest {
  @Test
  void reportsEveryErrorOfTheFileAtOnce() {
    FrontEndResult r = Policies.compile("many.policy", Policies.resource("many_errors.policy"));
    List<Diagnostic> errors = r.diagnostics().errors();
    List<String> where = errors.stream().map(d -> d.line() + ":" + d.col()).toList();
    assertEquals(
        List.of(
            "2:16", "7:43", "8:55", "9:35", "12:3", "15:14", "15:30", "19:16", "22:47", "24:10",
            "26:17"),
        where,
        r.diagnostics().render());
    assertEquals(FrontEndResult.Phase.SYNTAX, r.failedPhase());
  }

  @Test
  void rendersPlaceLineCaretAndHint() {
    FrontEndResult r =
        Policies.compile(
            "g.policy",
            "policy g version 1\nfield temp_low_c : i16 = 5\nwhen tag(\"h\") {\n  temp_lo_c = 3\n}\n");
    assertEquals(
        """
        g.policy:4:3: error: unknown field `temp_lo_c`
         4 |   temp_lo_c = 3
           |   ^^^^^^^^^
           = hint: did you mean `temp_low_c`?
        """,
        r.diagnostics().errors().get(0).render());
    assertTrue(r.diagnostics().render().endsWith("1 error, 0 warnings\n"));
  }

  @Test
  void typeErrorsNameBothTypes() {
    String src =
        """
        policy t version 1
        field led : bool = 1
        field mode : enum { a, b } = c
        field n : u8 = "x"
        require zone > "a"
        require board == "esp32"
        require fw >= "1.2"
        require tag("x") + 1 > 0
        """;
    FrontEndResult r = Policies.compile("t.policy", src);
    List<String> messages = r.diagnostics().errors().stream().map(Diagnostic::message).toList();
    assertEquals(7, messages.size(), r.diagnostics().render());
    assertTrue(messages.get(0).contains("must be a bool, not an integer"), messages.get(0));
    assertTrue(messages.get(1).contains("`c`"), messages.get(1));
    assertTrue(messages.get(2).contains("must be an integer, not a string"), messages.get(2));
    assertTrue(messages.get(3).contains("does not order"), messages.get(3));
    assertTrue(messages.get(4).contains("cannot compare a board with a string"), messages.get(4));
    assertTrue(messages.get(5).contains("not a version"), messages.get(5));
    assertTrue(messages.get(6).contains("integer operands"), messages.get(6));
    assertEquals(FrontEndResult.Phase.TYPE, r.failedPhase());
  }

  @Test
  void structuralErrors() {
    String src =
        """
        field a : u8 = 1
        policy p version 4294967296
        targets esp32, esp32, esp33
        field a : u8 = 2
        field b : text(0) = ""
        field c : u8 in 10..5 = 7
        field d : u8 in 0..300 = 7
        field e : bool in 0..1 = true
        field f : u16 = 70000
        rollout { canary 120% }
        """;
    FrontEndResult r = Policies.compile("s.policy", src);
    String all = r.diagnostics().render();
    for (String expected :
        List.of(
            "must be the first statement",
            "not a u32",
            "listed twice",
            "did you mean `esp32`",
            "declared twice",
            "text(0) is not allowed",
            "is empty",
            "does not fit u8",
            "has no range",
            "is 70000, above 65535",
            "over 100%")) {
      assertTrue(all.contains(expected), "missing '" + expected + "' in\n" + all);
    }
  }

  @Test
  void imageOverTheSmallestCapacityIsAnError() {
    StringBuilder src = new StringBuilder("policy big version 1\ntargets esp32, nrf52840\n");
    for (int i = 0; i < 5; i++) {
      src.append("field t").append(i).append(" : text(250) = \"\"\n");
    }
    FrontEndResult r = Policies.compile("big.policy", src.toString());
    assertFalse(r.ok());
    assertTrue(
        r.diagnostics()
            .errors()
            .get(0)
            .message()
            .contains("1279 bytes, over the 1024-byte capacity of nrf52840"),
        r.diagnostics().render());
    assertTrue(Policies.compile("big.policy", src.toString().replace(", nrf52840", "")).ok());
  }

  @Test
  void warningsDoNotFailTheCompilation() {
    String src =
        "policy w version 1\nfield d : duration = 10\nwhen false { d = 5s }\nwhen tag(\"x\") { }\n";
    FrontEndResult r = Policies.compile("w.policy", src);
    assertTrue(r.ok(), r.diagnostics().render());
    assertEquals(3, r.diagnostics().warnings().size(), r.diagnostics().render());
  }
}
