package io.edgeconf.policy.selftest;

import io.edgeconf.bridge.catalogue.Board;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.policy.model.Attribute;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.Expr;
import io.edgeconf.policy.model.FwVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values worth trying for each device attribute a policy reads: the literals it compares them
 * with, their neighbours, the field bounds, and "unset".
 */
final class Candidates {
  final List<String> boards = new ArrayList<>();
  final Set<String> zones = new LinkedHashSet<>(List.of("", "zone-x"));
  final Set<String> ids = new LinkedHashSet<>(List.of("st-1"));
  final Set<String> fws = new LinkedHashSet<>(List.of("", "0.0.1"));
  final Set<String> tags = new LinkedHashSet<>();
  final Map<String, Set<String>> attrs = new TreeMap<>();
  final Map<String, Set<Long>> nums = new TreeMap<>();
  private final Set<Long> ints =
      new LinkedHashSet<>(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE));
  private final Set<String> strings = new LinkedHashSet<>();

  Candidates(CheckedPolicy policy) {
    policy.targets().stream().map(Board::name).forEach(boards::add);
    for (FieldSpec f : policy.schema().fields()) {
      if (f.type().isRanged()) {
        addAround(f.min());
        addAround(f.max());
      }
    }
    policy
        .rules()
        .forEach(
            r -> {
              visit(r.condition());
              r.assignments().forEach(a -> visit(a.value()));
            });
    policy.requires().forEach(r -> visit(r.condition()));
    for (String s : strings) {
      zones.add(s);
      if (DeviceId.isValid(s)) {
        ids.add(s);
      }
      attrs.values().forEach(v -> v.add(s));
    }
    nums.values().forEach(v -> v.addAll(ints));
    // A string one byte longer than any text field, to reach text range edges.
    int longest = policy.schema().fields().stream().mapToInt(FieldSpec::textLength).max().orElse(0);
    if (longest > 0 && longest < 255) {
      String tooLong = "x".repeat(longest + 1);
      attrs.values().forEach(v -> v.add(tooLong));
      zones.add(tooLong);
      attrs.values().forEach(v -> v.add("x".repeat(longest)));
    }
  }

  private void addAround(long v) {
    for (long d = -1; d <= 1; d++) {
      long x = v + d;
      if ((d < 0 && x > v) || (d > 0 && x < v)) {
        continue;
      }
      ints.add(x);
    }
  }

  private void visit(Expr e) {
    switch (e) {
      case Expr.IntLit i -> {
        addAround(i.value());
        ints.add(-i.value() == Long.MIN_VALUE ? i.value() : -i.value());
      }
      case Expr.StrLit s -> strings.add(s.value());
      case Expr.FwLit f -> {
        FwVersion v = f.version();
        fws.add(v.toString());
        fws.add(
            new FwVersion(v.major(), v.minor(), Math.min(v.patch() + 1, 999_999_999)).toString());
        if (v.patch() > 0) {
          fws.add(new FwVersion(v.major(), v.minor(), v.patch() - 1).toString());
        } else if (v.minor() > 0) {
          fws.add(new FwVersion(v.major(), v.minor() - 1, 999).toString());
        } else if (v.major() > 0) {
          fws.add(new FwVersion(v.major() - 1, 999, 999).toString());
        }
      }
      case Expr.Tag t -> tags.add(t.tag());
      case Expr.StrAttr a ->
          attrs.computeIfAbsent(a.key(), k -> new LinkedHashSet<>(List.of("", "v")));
      case Expr.NumAttr n -> {
        nums.computeIfAbsent(n.key(), k -> new LinkedHashSet<>());
        addAround(n.defaultValue());
      }
      case Expr.DeviceAttr d when d.attribute() == Attribute.ID -> ids.add("st-2");
      default -> {}
    }
    e.children().forEach(this::visit);
  }
}
