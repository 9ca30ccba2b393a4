package io.edgeconf.policy.parse;

import java.util.List;
import java.util.Set;

/** The reserved words of the language. */
public final class Keywords {
  /** Every keyword of policy-language.md. */
  public static final Set<String> ALL =
      Set.of(
          "policy",
          "version",
          "targets",
          "field",
          "in",
          "when",
          "require",
          "rollout",
          "canary",
          "max_failures",
          "health_window",
          "batch",
          "and",
          "or",
          "not",
          "true",
          "false",
          "enum",
          "text",
          "bool",
          "u8",
          "u16",
          "u32",
          "i8",
          "i16",
          "i32",
          "duration");

  /** The statement keywords, for "did you mean" hints. */
  public static final List<String> STATEMENTS =
      List.of("policy", "targets", "field", "when", "require", "rollout");

  /** The type keywords. */
  public static final List<String> TYPES =
      List.of("bool", "u8", "u16", "u32", "i8", "i16", "i32", "duration", "enum", "text");

  /** The rollout settings. */
  public static final List<String> ROLLOUT =
      List.of("canary", "max_failures", "health_window", "batch");

  private Keywords() {}

  /** Whether the word is reserved. */
  public static boolean isKeyword(String word) {
    return ALL.contains(word);
  }
}
