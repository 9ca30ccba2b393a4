package io.edgeconf.policy.parse;

import java.math.BigInteger;
import java.util.List;

/** A top-level statement of a policy file, as parsed. */
public sealed interface Statement {
  /** Where the statement starts (its keyword). */
  Span span();

  /** A name with its place. */
  record Ident(String name, Span span) {}

  /** {@code policy NAME version N}. */
  record PolicyDecl(Ident name, BigInteger version, Span versionSpan, Span span)
      implements Statement {}

  /** {@code targets BOARD, ...}. */
  record Targets(List<Ident> boards, Span span) implements Statement {
    public Targets {
      boards = List.copyOf(boards);
    }
  }

  /**
   * A field's type as written: {@code keyword} is one of the type keywords; {@code members} for
   * enums; {@code textLength} for text.
   */
  record TypeRef(String keyword, List<Ident> members, Node textLength, Span span) {
    public TypeRef {
      members = List.copyOf(members);
    }
  }

  /** {@code field NAME : TYPE [in LO..HI] = EXPR}, with its {@code ##} documentation. */
  record Field(Ident name, TypeRef type, Node lo, Node hi, Node defaultValue, String doc, Span span)
      implements Statement {}

  /**
   * A field declaration that did not parse past its name: the checker knows the name exists and
   * stays quiet about uses of it.
   */
  record BrokenField(Ident name, Span span) implements Statement {}

  /** {@code NAME = EXPR} in a rule. */
  record Assign(Ident field, Node value, Span span) {}

  /** {@code when COND { ... }}. */
  record When(Node condition, List<Assign> body, Span span) implements Statement {
    public When {
      body = List.copyOf(body);
    }
  }

  /** {@code require COND [: "message"]}; {@code message} is null when absent. */
  record Require(Node condition, String message, Span span) implements Statement {}

  /** One setting of a rollout block: its key and its value node. */
  record RolloutEntry(Ident key, Node value, boolean percent, Span span) {}

  /** {@code rollout { ... }}. */
  record Rollout(List<RolloutEntry> entries, Span span) implements Statement {
    public Rollout {
      entries = List.copyOf(entries);
    }
  }
}
