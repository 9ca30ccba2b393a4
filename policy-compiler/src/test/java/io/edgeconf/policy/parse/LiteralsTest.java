package io.edgeconf.policy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.policy.FrontEndResult;
import io.edgeconf.policy.Policies;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.Rollout;
import org.junit.jupiter.api.Test;

/** Numbers, durations, strings, percentages, doc comments and line continuation. */
class LiteralsTest {
  private static Object defaultOf(String type, String value) {
    CheckedPolicy p =
        Policies.ok("l.policy", "policy l version 1\nfield x : " + type + " = " + value + "\n");
    return p.fields().get(0).defaultValue();
  }

  @Test
  void integers() {
    assertEquals(255L, defaultOf("u8", "0xFF"));
    assertEquals(1_000_000L, defaultOf("u32", "1_000_000"));
    assertEquals(-40L, defaultOf("i8", "-40"));
    assertEquals(-2147483648L, defaultOf("i32", "-2147483648"));
    assertEquals(5L, defaultOf("u8", "(1 + 2) * 3 - 2 % 3 - 10 / 4"));
    assertEquals(4L, defaultOf("u8", "clamp(9, 1, 4)"));
  }

  @Test
  void durations() {
    assertEquals(3_600_000L, defaultOf("duration", "1h"));
    assertEquals(90_000L, defaultOf("duration", "1m + 30s"));
    assertEquals(250L, defaultOf("duration", "250ms"));
  }

  @Test
  void stringEscapes() {
    assertEquals("a\"b\\c\nd\te°", defaultOf("text(32)", "\"a\\\"b\\\\c\\nd\\te\\u{B0}\""));
    assertEquals("😀", defaultOf("text(4)", "\"\\u{1F600}\""));
  }

  @Test
  void malformedLiteralsAreErrors() {
    for (String bad :
        new String[] {
          "1__0",
          "_1",
          "10x",
          "0x",
          "99999999999999999999",
          "\"\\q\"",
          "\"\\u{D800}\"",
          "\"open",
          "2.5"
        }) {
      FrontEndResult r =
          Policies.compile("b.policy", "policy b version 1\nfield x : u8 = " + bad + "\n");
      assertTrue(!r.ok() && r.diagnostics().errors().size() >= 1, bad);
    }
  }

  @Test
  void docCommentsAndContinuation() {
    CheckedPolicy p =
        Policies.ok(
            "d.policy",
            """
            policy d version 1
            ## First line.
            ## Second line.
            field a : u8 = 1   ## not a doc comment
            # plain comment
            field b : enum {
              x,
              y,
            } = y
            when (tag("t")
                  and zone == "z") {
              a = 2
            }
            """);
    assertEquals("First line.\nSecond line.", p.fields().get(0).doc());
    assertEquals("", p.fields().get(1).doc());
    assertEquals(1, p.rules().size());
  }

  @Test
  void rolloutDefaultsAndValues() {
    assertEquals(Rollout.DEFAULT, Policies.ok("r.policy", "policy r version 1\n").rollout());
    CheckedPolicy p =
        Policies.ok(
            "r.policy", "policy r version 1\nrollout {\n  max_failures 2.5%\n  batch 20\n}\n");
    assertEquals(new Rollout(10, 2.5, 30_000, 20), p.rollout());
  }
}
