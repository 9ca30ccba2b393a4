package io.edgeconf.policy.check;

import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.model.Rollout;
import io.edgeconf.policy.parse.Node;
import io.edgeconf.policy.parse.Statement;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/** Checks a {@code rollout} block; absent settings keep {@link Rollout#DEFAULT}'s values. */
final class RolloutChecker {
  private final DiagnosticSink sink;

  RolloutChecker(DiagnosticSink sink) {
    this.sink = sink;
  }

  Rollout check(Statement.Rollout block) {
    double canary = Rollout.DEFAULT.canaryPct();
    double maxFailures = Rollout.DEFAULT.maxFailuresPct();
    long window = Rollout.DEFAULT.healthWindowMs();
    int batch = Rollout.DEFAULT.batch();
    Set<String> seen = new HashSet<>();
    for (Statement.RolloutEntry e : block.entries()) {
      String key = e.key().name();
      if (!seen.add(key)) {
        error(e.span(), "`" + key + "` is set twice", "");
        continue;
      }
      switch (key) {
        case "canary", "max_failures" -> {
          Double pct = percent(e);
          if (pct != null && key.equals("canary")) {
            canary = pct;
          } else if (pct != null) {
            maxFailures = pct;
          }
        }
        case "health_window" -> {
          if (!(e.value() instanceof Node.Num n) || !n.duration() || e.percent()) {
            error(
                e.value().span(),
                "`health_window` needs a duration with a unit",
                "e.g. `health_window 15s`");
          } else if (n.value().bitLength() > 32) {
            error(e.value().span(), "`health_window` is longer than 49 days", "");
          } else {
            window = n.value().longValue();
          }
        }
        default -> {
          if (!(e.value() instanceof Node.Num n) || n.duration() || e.percent()) {
            error(e.value().span(), "`batch` needs a number of devices", "e.g. `batch 20`");
          } else if (n.value().bitLength() > 31) {
            error(e.value().span(), "`batch` " + n.value() + " is too large", "");
          } else {
            batch = n.value().intValue();
          }
        }
      }
    }
    return new Rollout(canary, maxFailures, window, batch);
  }

  private Double percent(Statement.RolloutEntry e) {
    String key = e.key().name();
    BigDecimal value =
        switch (e.value()) {
          case Node.Num n when !n.duration() -> new BigDecimal(n.value());
          case Node.Decimal d -> new BigDecimal(d.text());
          default -> null;
        };
    if (value == null || !e.percent()) {
      error(
          e.value().span(),
          "`" + key + "` needs a percentage",
          key.equals("canary") ? "e.g. `canary 10%`" : "e.g. `max_failures 2.5%`");
      return null;
    }
    if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
      error(e.value().span(), "`" + key + "` " + value.toPlainString() + "% is over 100%", "");
      return null;
    }
    return value.doubleValue();
  }

  private void error(io.edgeconf.policy.parse.Span span, String message, String hint) {
    sink.error(span.pos(), span.caretLength(), message, hint);
  }
}
