package io.edgeconf.policy.check;

import io.edgeconf.bridge.catalogue.Board;
import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.PolicySchema;
import io.edgeconf.bridge.schema.Sha256;
import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.diag.Suggest;
import io.edgeconf.policy.model.Assignment;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.Require;
import io.edgeconf.policy.model.Rollout;
import io.edgeconf.policy.model.Rule;
import io.edgeconf.policy.model.SourcePos;
import io.edgeconf.policy.model.Type;
import io.edgeconf.policy.parse.Keywords;
import io.edgeconf.policy.parse.Statement;
import io.edgeconf.policy.parse.Statement.Ident;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks parsed statements: names, types, ranges, sizes. Produces the {@link CheckedPolicy} when
 * there is no error; every error goes to the sink. Never throws for bad input.
 */
public final class Checker {
  private final String source;
  private final DiagnosticSink sink;
  private final FieldTable table = new FieldTable();
  private final FieldChecker fieldChecker;
  private final ExprChecker exprs;

  private Checker(String source, DiagnosticSink sink) {
    this.source = source;
    this.sink = sink;
    this.fieldChecker = new FieldChecker(sink, table);
    this.exprs = new ExprChecker(sink, table);
  }

  /** The checked policy, or null when an error was reported to {@code sink}. */
  public static CheckedPolicy check(
      String source, List<Statement> statements, DiagnosticSink sink) {
    return new Checker(source, sink).run(statements);
  }

  private CheckedPolicy run(List<Statement> statements) {
    int errorsBefore = sink.errorCount();
    Statement.PolicyDecl header = header(statements);
    List<Board> targets = targets(statements);
    Map<Statement.Field, Integer> indexes = new LinkedHashMap<>();
    for (Statement s : statements) {
      if (s instanceof Statement.BrokenField b) {
        table.addBroken(b.name().name());
      }
      if (s instanceof Statement.Field f) {
        FieldSpec spec = fieldChecker.declare(f);
        if (spec != null) {
          indexes.put(f, table.indexOf(spec.name()));
        }
      }
    }
    indexes.forEach((f, i) -> fieldChecker.checkDefault(f, table.spec(i), i));
    List<Rule> rules = new ArrayList<>();
    List<Require> requires = new ArrayList<>();
    Rollout rollout = Rollout.DEFAULT;
    boolean seenRollout = false;
    for (Statement s : statements) {
      switch (s) {
        case Statement.When w -> {
          Rule r = rule(w);
          if (r != null) {
            rules.add(r);
          }
        }
        case Statement.Require r -> {
          Require checked = require(r);
          if (checked != null) {
            requires.add(checked);
          }
        }
        case Statement.Rollout r -> {
          if (seenRollout) {
            sink.error(
                r.span().pos(), 7, "a second rollout block", "put every setting in one block");
          }
          seenRollout = true;
          rollout = new RolloutChecker(sink).check(r);
        }
        default -> {}
      }
    }
    if (header == null || sink.errorCount() > errorsBefore) {
      return null;
    }
    return build(header, targets, rules, requires, rollout);
  }

  private Statement.PolicyDecl header(List<Statement> statements) {
    Statement.PolicyDecl header = null;
    for (Statement s : statements) {
      if (s instanceof Statement.PolicyDecl p) {
        if (header != null) {
          sink.error(p.span().pos(), 6, "a second `policy` statement", "a file holds one policy");
          continue;
        }
        header = p;
        if (statements.get(0) != p) {
          sink.error(
              p.span().pos(),
              6,
              "`policy NAME version N` must be the first statement",
              "move it to the top");
        }
        if (Keywords.isKeyword(p.name().name())) {
          sink.error(
              p.name().span().pos(),
              p.name().span().caretLength(),
              "`" + p.name().name() + "` is a keyword and cannot name a policy",
              "");
        }
        if (p.version().bitLength() > 32) {
          sink.error(
              p.versionSpan().pos(),
              p.versionSpan().caretLength(),
              "version " + p.version() + " is not a u32",
              "versions lie in 0..4294967295");
        }
      }
    }
    if (header == null) {
      SourcePos at = statements.isEmpty() ? new SourcePos(1, 1) : statements.get(0).span().pos();
      sink.error(
          at,
          1,
          "the file has no `policy NAME version N` statement",
          "start the file with e.g. `policy greenhouse version 1`");
    }
    return header;
  }

  private List<Board> targets(List<Statement> statements) {
    List<Board> boards = new ArrayList<>();
    boolean seen = false;
    for (Statement s : statements) {
      if (s instanceof Statement.Targets t) {
        if (seen) {
          sink.error(
              t.span().pos(),
              7,
              "a second `targets` statement",
              "list every board in one statement");
          continue;
        }
        seen = true;
        for (Ident b : t.boards()) {
          var board = BoardCatalogue.find(b.name());
          if (board.isEmpty()) {
            String hint = Suggest.didYouMean(b.name(), BoardCatalogue.names());
            error(
                b,
                "unknown board `" + b.name() + "`",
                hint.isEmpty() ? "boards: " + String.join(", ", BoardCatalogue.names()) : hint);
          } else if (boards.contains(board.get())) {
            error(b, "board `" + b.name() + "` is listed twice", "");
          } else {
            boards.add(board.get());
          }
        }
      }
    }
    return seen ? boards : BoardCatalogue.all();
  }

  private Rule rule(Statement.When w) {
    Expr cond = exprs.checkAs(w.condition(), Type.BOOL, "a rule's condition");
    List<Assignment> body = new ArrayList<>();
    boolean ok = cond != null;
    for (Statement.Assign a : w.body()) {
      Assignment checked = assignment(a);
      ok &= checked != null;
      if (checked != null) {
        body.add(checked);
      }
    }
    if (!ok) {
      return null;
    }
    if (cond instanceof Expr.BoolLit b && !b.value()) {
      sink.warning(
          w.span().pos(), 4, "this rule can never fire: its condition is always false", "");
    } else if (body.isEmpty()) {
      sink.warning(w.span().pos(), 4, "this rule changes nothing: it assigns no field", "");
    }
    return new Rule(cond, body, w.span().pos());
  }

  private Assignment assignment(Statement.Assign a) {
    String name = a.field().name();
    int index = table.indexOf(name);
    if (index < 0) {
      if (!table.isBroken(name)) {
        String hint = Suggest.didYouMean(name, table.names());
        error(
            a.field(),
            "unknown field `" + name + "`",
            hint.isEmpty() ? "declare it with `field " + name + " : TYPE = DEFAULT`" : hint);
      }
      return null;
    }
    FieldSpec spec = table.spec(index);
    Expr value = exprs.checkAs(a.value(), table.type(index), "the value of `" + name + "`");
    if (value == null) {
      return null;
    }
    Object literal = Values.literal(value);
    String problem = literal == null ? null : Values.rangeProblem(spec, literal);
    if (problem != null) {
      exprs.error(
          a.value().span(), "the value of `" + name + "` " + problem, Values.rangeHint(spec));
      return null;
    }
    fieldChecker.durationNote(spec.type(), a.value());
    return new Assignment(index, value, a.span().pos());
  }

  private Require require(Statement.Require r) {
    Expr cond = exprs.checkAs(r.condition(), Type.BOOL, "a require's condition");
    if (cond == null) {
      return null;
    }
    String text = SourceText.normalize(r.condition().span().text());
    return new Require(cond, r.message(), text, r.span().pos());
  }

  private CheckedPolicy build(
      Statement.PolicyDecl header,
      List<Board> targets,
      List<Rule> rules,
      List<Require> requires,
      Rollout rollout) {
    String name = header.name().name();
    List<FieldSpec> specs = table.specs();
    int payload = specs.stream().mapToInt(FieldSpec::size).sum();
    int image = PolicySchema.HEADER_SIZE + payload + PolicySchema.TRAILER_SIZE;
    int capacity = BoardCatalogue.smallestCapacity(targets);
    if (image > capacity) {
      String smallest =
          targets.stream()
              .filter(b -> b.maxImageBytes() == capacity)
              .map(Board::name)
              .findFirst()
              .orElse("?");
      sink.error(
          header.span().pos(),
          6,
          "the image is "
              + image
              + " bytes, over the "
              + capacity
              + "-byte capacity of "
              + smallest,
          "shorten text fields or drop fields; the header and CRC take 24 bytes");
      return null;
    }
    PolicySchema schema = new PolicySchema(name, specs);
    String sha = Sha256.hex(source.getBytes(StandardCharsets.UTF_8));
    return new CheckedPolicy(
        name,
        header.version().longValue(),
        targets,
        schema,
        fieldChecker.decls(),
        rules,
        requires,
        rollout,
        sha);
  }

  private void error(Ident at, String message, String hint) {
    sink.error(at.span().pos(), at.span().caretLength(), message, hint);
  }
}
