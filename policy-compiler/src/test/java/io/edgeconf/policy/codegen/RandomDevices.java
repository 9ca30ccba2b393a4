package io.edgeconf.policy.codegen;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random devices for one policy, biased towards what the policy looks at: the strings, tags,
 * attribute keys, numbers and versions its expressions name, their neighbours and extremes.
 */
final class RandomDevices {
  private final Random random;
  private final List<String> strings =
      new ArrayList<>(List.of("", "x", "north", "a-much-longer-value-than-any-text"));
  private final List<String> tags = new ArrayList<>(List.of("other"));
  private final List<String> attrKeys = new ArrayList<>(List.of("k"));
  private final List<String> numKeys = new ArrayList<>(List.of("n"));
  private final List<Long> numbers =
      new ArrayList<>(
          List.of(0L, 1L, -1L, 2L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40, -(1L << 33)));
  private final List<String> versions =
      new ArrayList<>(List.of("", "0.0.0", "999999999.0.1", "1.2.3"));

  RandomDevices(CheckedPolicy policy, long seed) {
    this.random = new Random(seed);
    Deque<Expr> todo = new ArrayDeque<>();
    policy
        .rules()
        .forEach(
            r -> {
              todo.add(r.condition());
              r.assignments().forEach(a -> todo.add(a.value()));
            });
    policy.requires().forEach(r -> todo.add(r.condition()));
    Set<Long> ints = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      switch (e) {
        case Expr.StrLit s -> strings.add(s.value());
        case Expr.Tag t -> tags.add(t.tag());
        case Expr.StrAttr a -> attrKeys.add(a.key());
        case Expr.NumAttr n -> {
          numKeys.add(n.key());
          ints.add(n.defaultValue());
        }
        case Expr.IntLit i -> ints.add(i.value());
        case Expr.FwLit f -> {
          var v = f.version();
          versions.add(v.toString());
          versions.add(v.major() + "." + v.minor() + "." + (v.patch() + 1));
          if (v.patch() > 0) {
            versions.add(v.major() + "." + v.minor() + "." + (v.patch() - 1));
          }
          versions.add((v.major() + 1) + ".0.0");
        }
        default -> {}
      }
      todo.addAll(e.children());
    }
    for (long i : ints) {
      numbers.add(i);
      numbers.add(i + 1);
      numbers.add(i - 1);
      numbers.add(-i);
      numbers.add(i * 1000);
    }
  }

  DeviceAttributes next(int n) {
    List<String> boards = BoardCatalogue.names();
    String board = boards.get(random.nextInt(boards.size()));
    String id = random.nextInt(8) == 0 ? "special" : "dev-" + n;
    String zone = random.nextBoolean() ? "" : pick(strings);
    if (zone.length() > 60) {
      zone = zone.substring(0, 60);
    }
    String fw = pick(versions);
    List<String> deviceTags = new ArrayList<>();
    for (String t : tags) {
      if (random.nextInt(3) == 0) {
        deviceTags.add(t);
      }
    }
    Map<String, String> attrs = new HashMap<>();
    for (String k : attrKeys) {
      if (random.nextInt(3) != 0) {
        attrs.put(k, random.nextInt(4) == 0 ? randomText() : pick(strings));
      }
    }
    Map<String, Long> nums = new HashMap<>();
    for (String k : numKeys) {
      if (random.nextInt(4) != 0) {
        nums.put(
            k, random.nextInt(5) == 0 ? random.nextLong() >> random.nextInt(64) : pick(numbers));
      }
    }
    return new DeviceAttributes(board, id, zone, fw, deviceTags, attrs, nums);
  }

  private String randomText() {
    int len = random.nextInt(24);
    var sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append(random.nextInt(10) == 0 ? 'é' : (char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
