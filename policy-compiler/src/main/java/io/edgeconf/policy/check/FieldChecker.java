package io.edgeconf.policy.check;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.policy.diag.DiagnosticSink;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.FieldDecl;
import io.edgeconf.policy.model.Type;
import io.edgeconf.policy.parse.Keywords;
import io.edgeconf.policy.parse.Node;
import io.edgeconf.policy.parse.Statement;
import io.edgeconf.policy.parse.Statement.Ident;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks field declarations: names, types, ranges, defaults. */
final class FieldChecker {
  private static final Set<String> BUILTINS =
      Set.of("board", "id", "zone", "fw", "tag", "attr", "num", "min", "max", "clamp");

  private final DiagnosticSink sink;
  private final FieldTable table;
  private final ExprChecker constants;
  private final Map<String, Ident> declared = new HashMap<>();
  private final List<FieldDecl> decls = new ArrayList<>();

  FieldChecker(DiagnosticSink sink, FieldTable table) {
    this.sink = sink;
    this.table = table;
    this.constants = new ExprChecker(sink, new FieldTable());
  }

  List<FieldDecl> decls() {
    return decls;
  }

  /** Declares the field's name and type (pass 1); defaults come in {@link #checkDefault}. */
  FieldSpec declare(Statement.Field f) {
    String name = f.name().name();
    Ident first = declared.putIfAbsent(name, f.name());
    if (first != null) {
      error(
          f.name(),
          "field `" + name + "` is declared twice",
          "first declared at line " + first.span().pos().line());
      return null;
    }
    if (Keywords.isKeyword(name)
        || BUILTINS.contains(name)
        || BoardCatalogue.find(name).isPresent()) {
      error(
          f.name(),
          "`" + name + "` is reserved and cannot name a field",
          "choose another name, e.g. `" + name + "_value`");
      table.addBroken(name);
      return null;
    }
    FieldSpec spec = spec(f);
    if (spec == null) {
      table.addBroken(name);
      return null;
    }
    table.add(spec);
    return spec;
  }

  private FieldSpec spec(Statement.Field f) {
    String name = f.name().name();
    Statement.TypeRef t = f.type();
    FieldType type = FieldType.valueOf(t.keyword().toUpperCase(java.util.Locale.ROOT));
    if (f.lo() != null && !type.isRanged()) {
      constants.error(
          f.lo().span(),
          "a " + t.keyword() + " field has no range",
          "only integer and duration fields take `in LO..HI`");
      return null;
    }
    switch (type) {
      case BOOL -> {
        return FieldSpec.bool(name);
      }
      case ENUM -> {
        return enumSpec(name, t);
      }
      case TEXT -> {
        Long n = constant(t.textLength(), "the length of text(N)");
        if (n == null) {
          return null;
        }
        if (n < 1 || n > 255) {
          constants.error(t.textLength().span(), "text(" + n + ") is not allowed", "1 <= N <= 255");
          return null;
        }
        return FieldSpec.text(name, n.intValue());
      }
      default -> {
        if (f.lo() == null) {
          return FieldSpec.ranged(name, type);
        }
        Long lo = constant(f.lo(), "the lower bound");
        Long hi = constant(f.hi(), "the upper bound");
        if (lo == null || hi == null) {
          return null;
        }
        durationNote(type, f.lo());
        durationNote(type, f.hi());
        if (lo < type.min() || hi > type.max()) {
          constants.error(
              f.lo().span().to(f.hi().span()),
              "range " + lo + ".." + hi + " does not fit " + t.keyword(),
              t.keyword() + " holds " + type.min() + ".." + type.max());
          return null;
        }
        if (lo > hi) {
          constants.error(
              f.lo().span().to(f.hi().span()),
              "range " + lo + ".." + hi + " is empty",
              "write LO..HI with LO <= HI");
          return null;
        }
        return FieldSpec.ranged(name, type, lo, hi);
      }
    }
  }

  private FieldSpec enumSpec(String name, Statement.TypeRef t) {
    List<String> members = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (Ident m : t.members()) {
      if (!seen.add(m.name())) {
        error(m, "enum member `" + m.name() + "` appears twice", "");
        ok = false;
      } else if (Keywords.isKeyword(m.name())) {
        error(m, "`" + m.name() + "` is a keyword and cannot be an enum member", "");
        ok = false;
      }
      members.add(m.name());
    }
    if (members.isEmpty() || members.size() > 256) {
      sink.error(t.span().pos(), 4, "an enum has 1 to 256 members, this one " + members.size(), "");
      return null;
    }
    return ok ? FieldSpec.enumeration(name, members) : null;
  }

  /** Checks the default of a declared field (pass 2) and records the declaration. */
  void checkDefault(Statement.Field f, FieldSpec spec, int index) {
    Type want = table.type(index);
    Expr e = constants.checkAs(f.defaultValue(), want, "the default of `" + spec.name() + "`");
    if (e == null) {
      return;
    }
    Object value = Values.literal(e);
    if (value == null) {
      constants.error(
          f.defaultValue().span(),
          "the default of `" + spec.name() + "` must be a constant",
          "a default cannot read fields or device attributes");
      return;
    }
    durationNote(spec.type(), f.defaultValue());
    String problem = Values.rangeProblem(spec, value);
    if (problem != null) {
      constants.error(
          f.defaultValue().span(),
          "the default of `" + spec.name() + "` " + problem,
          Values.rangeHint(spec));
      return;
    }
    decls.add(new io.edgeconf.policy.model.FieldDecl(spec, value, f.doc(), f.span().pos()));
  }

  /** A warning for a plain number where a duration is meant: it counts milliseconds. */
  void durationNote(FieldType type, Node n) {
    if (type == FieldType.DURATION
        && n instanceof Node.Num num
        && !num.duration()
        && num.value().signum() != 0) {
      sink.warning(
          n.span().pos(),
          n.span().caretLength(),
          "a plain number for a duration counts milliseconds",
          "write the unit: `" + num.value() + "ms`");
    }
  }

  private Long constant(Node n, String what) {
    Expr e = constants.checkAs(n, Type.INT, what);
    if (e == null) {
      return null;
    }
    if (!(e instanceof Expr.IntLit lit)) {
      constants.error(n.span(), what + " must be a constant", "");
      return null;
    }
    return lit.value();
  }

  private void error(Ident at, String message, String hint) {
    sink.error(at.span().pos(), at.span().caretLength(), message, hint);
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
