package io.edgeconf.policy.parse;

import io.edgeconf.policy.diag.Suggest;
import io.edgeconf.policy.parse.Statement.Ident;
import io.edgeconf.policy.parse.TokenCursor.ParseError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rollout { ... }} block: one setting per line, each a literal number, duration or
 * decimal, optionally followed by {@code %}. After an error in a setting it goes on with the next
 * line, so every bad setting is reported. Not thread-safe.
 */
final class RolloutParser {
  private final TokenCursor in;

  RolloutParser(TokenCursor in) {
    this.in = in;
  }

  /** Parses the block, the cursor being on its {@code rollout} keyword. */
  Statement.Rollout rollout() {
    Token kw = in.next();
    in.expect(TokenKind.LBRACE, "rollout { canary 10% ... }");
    List<Statement.RolloutEntry> entries = new ArrayList<>();
    while (true) {
      in.skipNewlines();
      Token t = in.peek();
      if (t.is(TokenKind.RBRACE)) {
        in.next();
        return new Statement.Rollout(entries, kw.span());
      }
      if (t.is(TokenKind.EOF)) {
        in.report(
            kw.pos(), kw.span().caretLength(), "the rollout block is never closed", "add `}`");
        return new Statement.Rollout(entries, kw.span());
      }
      try {
        entries.add(entry());
      } catch (ParseError e) {
        in.syncLine();
      }
    }
  }

  private Statement.RolloutEntry entry() {
    Token key = in.peek();
    if (!key.is(TokenKind.IDENT) || !Keywords.ROLLOUT.contains(key.text())) {
      String hint = key.is(TokenKind.IDENT) ? Suggest.didYouMean(key.text(), Keywords.ROLLOUT) : "";
      throw in.error(
          key,
          "expected a rollout setting ("
              + String.join(", ", Keywords.ROLLOUT)
              + "), found "
              + key.describe(),
          hint);
    }
    in.next();
    Token v = in.peek();
    Node value;
    if (v.is(TokenKind.INT) || v.is(TokenKind.DURATION)) {
      value = new Node.Num(new BigInteger(v.text()), v.is(TokenKind.DURATION), v.span());
    } else if (v.is(TokenKind.DECIMAL)) {
      value = new Node.Decimal(v.text(), v.span());
    } else {
      throw in.error(
          v,
          "expected a value for `" + key.text() + "`, found " + v.describe(),
          valueExample(key.text()));
    }
    in.next();
    boolean percent = false;
    if (in.peek().is(TokenKind.PERCENT) && in.peek().span().start() == v.span().end()) {
      in.next();
      percent = true;
    }
    Token end = in.peek();
    if (!end.is(TokenKind.NEWLINE) && !end.is(TokenKind.RBRACE)) {
      throw in.error(
          end,
          "expected the end of the line after `" + key.text() + "`, found " + end.describe(),
          "one setting per line");
    }
    return new Statement.RolloutEntry(
        new Ident(key.text(), key.span()), value, percent, key.span());
  }

  /** The hint for a missing value: an example of the setting {@code key}. */
  static String valueExample(String key) {
    return switch (key) {
      case "canary" -> "e.g. `canary 10%`";
      case "max_failures" -> "e.g. `max_failures 2.5%`";
      case "health_window" -> "e.g. `health_window 15s`";
      default -> "e.g. `batch 20`";
    };
  }
}
