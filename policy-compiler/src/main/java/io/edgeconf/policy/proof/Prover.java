package io.edgeconf.policy.proof;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.eval.Evaluator;
import io.edgeconf.policy.eval.RenderResult;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.FieldDecl;
import io.edgeconf.policy.model.Require;
import io.edgeconf.policy.model.Rule;
import io.edgeconf.policy.model.SourcePos;
import io.edgeconf.policy.proof.PVal.Known;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The proof: for every combination of rules that can fire together, every field lies in its range
 * and every {@code require} holds. Decides exactly what device attributes compared with literals,
 * {@code tag}, {@code fw} order and {@code and/or/not} decide; what depends on {@code num()} or on
 * comparing attributes with each other becomes a warning and is checked at render time. Also warns
 * about rules that can never fire or change nothing. Synchronous; one instance per compilation.
 */
public final class Prover {
  private final CheckedPolicy policy;
  private final DiagnosticSink sink;
  private final Set<String> warned = new LinkedHashSet<>();
  private final List<DeviceAttributes> witnesses = new ArrayList<>();

  private Prover(CheckedPolicy policy, DiagnosticSink sink) {
    this.policy = policy;
    this.sink = sink;
  }

  /**
   * Proves the policy, reporting broken ranges and requires as errors with a concrete device, and
   * what cannot be proven as warnings.
   *
   * @return devices found on the way (one per rule that can fire), useful as self-test seeds
   */
  public static List<DeviceAttributes> prove(CheckedPolicy policy, DiagnosticSink sink) {
    Prover p = new Prover(policy, sink);
    for (int r = 0; r < policy.rules().size(); r++) {
      p.ruleGoal(r);
    }
    for (int i = 0; i < policy.fields().size(); i++) {
      p.fieldGoal(i);
    }
    for (int j = 0; j < policy.requires().size(); j++) {
      p.requireGoal(j);
    }
    return List.copyOf(p.witnesses);
  }

  private PathState start() {
    List<PVal> values = new ArrayList<>();
    List<SourcePos> at = new ArrayList<>();
    for (FieldDecl f : policy.fields()) {
      values.add(
          new Known(
              switch (f.spec().type()) {
                case TEXT, BOOL -> f.defaultValue();
                default -> f.defaultBits();
              }));
      at.add(f.pos());
    }
    List<String> boards = policy.targets().stream().map(b -> b.name()).toList();
    return new PathState(new Constraints(boards), values, at, List.of(), null);
  }

  /** A goal's failure report: the first certain one is an error, else one uncertain warning. */
  private final class Outcome {
    boolean failed;

    void fail(PathState s, SourcePos at, String what, String hint) {
      if (failed) {
        return;
      }
      DeviceAttributes device = s.constraints().witness();
      String message = what.replace("%DEVICE%", "a device with " + Constraints.describe(device));
      if (s.uncertain()) {
        warnOnce(
            at, message + ", if " + s.uncertainty() + " allows it; checked at render time", hint);
        return;
      }
      if (!(Evaluator.render(policy, device) instanceof RenderResult.Failure)) {
        warnOnce(at, "the proof could not confirm: " + message, "the check happens at render time");
        return;
      }
      failed = true;
      sink.error(at, 1, message, hint);
    }
  }

  private Explorer.Fault faults(Outcome o) {
    return (s, where, f) -> {
      if (f.certain) {
        o.fail(s, where, "%DEVICE% hits an arithmetic error: " + f.getMessage(), firedHint(s));
      } else {
        warnOnce(
            where,
            f.getMessage()
                + (s.uncertain() ? " (if " + s.uncertainty() + ")" : "")
                + "; checked at render time",
            "bound the value first, e.g. `clamp(num(\"k\", 0), 0, 1000)`");
      }
    };
  }

  private void ruleGoal(int r) {
    Rule rule = policy.rules().get(r);
    BitSet reads = Relevance.reads(rule);
    Outcome o = new Outcome();
    Explorer ex = new Explorer(policy, Relevance.rules(policy, reads, r), r, faults(o));
    boolean[] fires = new boolean[1];
    boolean[] changes = new boolean[1];
    try {
      ex.run(
          start(),
          s ->
              ex.decide(
                  rule.condition(),
                  s,
                  rule.pos(),
                  (t, yes) -> {
                    if (!yes) {
                      return;
                    }
                    if (!fires[0]) {
                      witnesses.add(t.constraints().witness());
                    }
                    fires[0] = true;
                    PathState next = t;
                    for (var a : rule.assignments()) {
                      PVal before = next.field(a.fieldIndex());
                      try {
                        next =
                            next.assign(a.fieldIndex(), new SymEval(next).eval(a.value()), a.pos());
                      } catch (SymEval.ArithFault f) {
                        faults(o).at(next, a.pos(), f);
                        changes[0] = true;
                        return;
                      }
                      changes[0] |=
                          !(before instanceof Known k
                                  && next.field(a.fieldIndex()) instanceof Known n
                                  && k.equals(n))
                              && !before.equals(next.field(a.fieldIndex()));
                    }
                  }));
    } catch (Explorer.TooManyPaths e) {
      warnOnce(
          rule.pos(),
          "too many rule combinations lead to this rule to analyse it; it is checked at render time",
          "");
      return;
    }
    if (!fires[0] && !(rule.condition() instanceof io.edgeconf.policy.model.Expr.BoolLit)) {
      warnOnce(rule.pos(), "this rule can never fire: no device satisfies its condition", "");
    } else if (fires[0] && !changes[0] && !rule.assignments().isEmpty()) {
      warnOnce(
          rule.pos(),
          "this rule changes nothing: wherever it fires, its fields already have the values it assigns",
          "");
    }
  }

  private void fieldGoal(int i) {
    BitSet f = new BitSet();
    f.set(i);
    BitSet rules = Relevance.rules(policy, f, policy.rules().size());
    if (rules.isEmpty()) {
      return; // the default was checked; no rule changes the field
    }
    FieldSpec spec = policy.fields().get(i).spec();
    Outcome o = new Outcome();
    Explorer ex = new Explorer(policy, rules, policy.rules().size(), faults(o));
    try {
      ex.run(start(), s -> checkField(o, s, i, spec));
    } catch (Explorer.TooManyPaths e) {
      warnOnce(
          policy.fields().get(i).pos(),
          "too many rule combinations to prove the range of `"
              + spec.name()
              + "`; it is checked at render time",
          "");
    }
  }

  private void checkField(Outcome o, PathState s, int i, FieldSpec spec) {
    PVal v = s.field(i);
    SourcePos at = s.assignedAt().get(i);
    switch (v) {
      case Known k -> {
        String problem = Describe.rangeProblem(spec, k.value());
        if (problem != null) {
          o.fail(s, at, "%DEVICE% gets " + spec.name() + problem, firedHint(s));
        }
      }
      case PVal.Range r -> {
        if (r.lo() < spec.min() || r.hi() > spec.max()) {
          warnOnce(
              at,
              "`"
                  + spec.name()
                  + "` depends on "
                  + r.reason()
                  + " and may leave "
                  + spec.min()
                  + ".."
                  + spec.max()
                  + "; checked at render time",
              "clamp it: `clamp(..., " + spec.min() + ", " + spec.max() + ")`");
        }
      }
      case PVal.AttrRef ref -> {
        int longest = ref.key().equals("id") ? 64 : 255;
        if (spec.type() == FieldType.TEXT && spec.textLength() < longest) {
          warnOnce(
              at,
              "`"
                  + spec.name()
                  + "` takes "
                  + SymEval.describe(ref)
                  + ", which may be longer than text("
                  + spec.textLength()
                  + "); checked at render time",
              "a device with a longer value gets error -2");
        }
      }
      case PVal.Maybe m -> {}
    }
  }

  private void requireGoal(int j) {
    Require req = policy.requires().get(j);
    BitSet rules = Relevance.rules(policy, Relevance.reads(req.condition()), policy.rules().size());
    Outcome o = new Outcome();
    Explorer ex = new Explorer(policy, rules, policy.rules().size(), faults(o));
    try {
      ex.run(
          start(),
          s ->
              ex.decide(
                  req.condition(),
                  s,
                  req.pos(),
                  (t, holds) -> {
                    if (!holds) {
                      o.fail(
                          t,
                          req.pos(),
                          "`require "
                              + req.sourceText()
                              + "` does not hold for %DEVICE%"
                              + Describe.values(policy, t, req.condition()),
                          "\""
                              + req.message()
                              + "\""
                              + (t.fired().isEmpty() ? "" : "; " + firedHint(t)));
                    }
                  }));
    } catch (Explorer.TooManyPaths e) {
      warnOnce(
          req.pos(),
          "too many rule combinations to prove this require; it is checked at render time",
          "");
    }
  }

  private String firedHint(PathState s) {
    if (s.fired().isEmpty()) {
      return "no rule fires for it";
    }
    List<String> lines = new ArrayList<>();
    for (int r : s.fired()) {
      lines.add(String.valueOf(policy.rules().get(r).pos().line()));
    }
    return "the rules that fire for it: line"
        + (lines.size() == 1 ? " " : "s ")
        + String.join(", ", lines);
  }

  private void warnOnce(SourcePos at, String message, String hint) {
    if (warned.add(at + message)) {
      sink.warning(at, 1, message, hint);
    }
  }
}
