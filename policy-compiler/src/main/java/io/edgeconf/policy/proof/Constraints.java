package io.edgeconf.policy.proof;

import io.edgeconf.bridge.descriptor.DescriptorCodec;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.policy.model.FwVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one path of the proof has assumed about the device: a conjunction of atoms and negated
 * atoms. Immutable: {@link #with} returns a new set, or null when the assumptions contradict each
 * other (no device satisfies them).
 */
final class Constraints {
  private final Set<String> boards;
  private final Map<String, String> equal;
  private final Map<String, Set<String>> notEqual;
  private final Map<String, Boolean> tags;
  private final List<Atom.Fw> fw;

  Constraints(List<String> targets) {
    this(
        new LinkedHashSet<>(targets),
        new HashMap<>(),
        new HashMap<>(),
        new LinkedHashMap<>(),
        List.of());
  }

  private Constraints(
      Set<String> boards,
      Map<String, String> equal,
      Map<String, Set<String>> notEqual,
      Map<String, Boolean> tags,
      List<Atom.Fw> fw) {
    this.boards = boards;
    this.equal = equal;
    this.notEqual = notEqual;
    this.tags = tags;
    this.fw = fw;
  }

  /** The value of the key when the assumptions pin it, else null. */
  String pinned(String key) {
    if (key.equals("board")) {
      return boards.size() == 1 ? boards.iterator().next() : null;
    }
    return equal.get(key);
  }

  /** TRUE/FALSE when the assumptions decide the atom, else null. */
  Boolean decide(Atom atom) {
    return switch (atom) {
      case Atom.StrEq s when s.key().equals("board") ->
          !boards.contains(s.value()) ? Boolean.FALSE : boards.size() == 1 ? Boolean.TRUE : null;
      case Atom.StrEq s -> {
        String eq = equal.get(s.key());
        if (eq != null) {
          yield eq.equals(s.value());
        }
        yield notEqual.getOrDefault(s.key(), Set.of()).contains(s.value()) ? Boolean.FALSE : null;
      }
      case Atom.HasTag t -> tags.get(t.tag());
      case Atom.Fw f -> {
        if (with(f, false) == null) {
          yield Boolean.TRUE;
        }
        yield with(f, true) == null ? Boolean.FALSE : null;
      }
    };
  }

  /** These assumptions and {@code atom == value}, or null when no device satisfies them. */
  Constraints with(Atom atom, boolean value) {
    switch (atom) {
      case Atom.StrEq s when s.key().equals("board") -> {
        Set<String> b = new LinkedHashSet<>(boards);
        if (value) {
          b.retainAll(Set.of(s.value()));
        } else {
          b.remove(s.value());
        }
        return b.isEmpty() ? null : new Constraints(b, equal, notEqual, tags, fw);
      }
      case Atom.StrEq s -> {
        String eq = equal.get(s.key());
        Set<String> ne = notEqual.getOrDefault(s.key(), Set.of());
        if (value) {
          if ((eq != null && !eq.equals(s.value()))
              || ne.contains(s.value())
              || !representable(s.key(), s.value())) {
            return null;
          }
          Map<String, String> e = new HashMap<>(equal);
          e.put(s.key(), s.value());
          return new Constraints(boards, e, notEqual, tags, fw);
        }
        if (eq != null && eq.equals(s.value())) {
          return null;
        }
        Map<String, Set<String>> n = new HashMap<>(notEqual);
        Set<String> set = new HashSet<>(ne);
        set.add(s.value());
        n.put(s.key(), set);
        return new Constraints(boards, equal, n, tags, fw);
      }
      case Atom.HasTag t -> {
        Boolean known = tags.get(t.tag());
        if (known != null) {
          return known == value ? this : null;
        }
        Map<String, Boolean> m = new LinkedHashMap<>(tags);
        m.put(t.tag(), value);
        return new Constraints(boards, equal, notEqual, m, fw);
      }
      case Atom.Fw f -> {
        List<Atom.Fw> list = new ArrayList<>(fw);
        list.add(value ? f : new Atom.Fw(f.op().negate(), f.version()));
        Constraints c = new Constraints(boards, equal, notEqual, tags, List.copyOf(list));
        return c.fwWitness() == null ? null : c;
      }
    }
  }

  /** Whether a descriptor can carry the value: ids match the id pattern, records hold 255 bytes. */
  private static boolean representable(String key, String value) {
    if (key.equals("id")) {
      return DeviceId.isValid(value);
    }
    int limit = DescriptorCodec.MAX_RECORD;
    if (key.startsWith("attr:")) {
      limit -= key.substring(5).getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return value.getBytes(StandardCharsets.UTF_8).length <= limit && value.indexOf('\0') < 0;
  }

  /** A version satisfying every fw assumption, or null. */
  FwVersion fwWitness() {
    List<FwVersion> candidates = new ArrayList<>();
    candidates.add(FwVersion.UNKNOWN);
    for (Atom.Fw f : fw) {
      FwVersion v = f.version();
      candidates.add(v);
      candidates.add(next(v));
      FwVersion p = previous(v);
      if (p != null) {
        candidates.add(p);
      }
    }
    for (FwVersion c : candidates) {
      if (fw.stream().allMatch(f -> f.op().test(c.compareTo(f.version())))) {
        return c;
      }
    }
    return null;
  }

  private static FwVersion next(FwVersion v) {
    long max = 999_999_999L;
    if (v.patch() < max) {
      return new FwVersion(v.major(), v.minor(), v.patch() + 1);
    }
    if (v.minor() < max) {
      return new FwVersion(v.major(), v.minor() + 1, 0);
    }
    return v.major() < max ? new FwVersion(v.major() + 1, 0, 0) : v;
  }

  private static FwVersion previous(FwVersion v) {
    long max = 999_999_999L;
    if (v.patch() > 0) {
      return new FwVersion(v.major(), v.minor(), v.patch() - 1);
    }
    if (v.minor() > 0) {
      return new FwVersion(v.major(), v.minor() - 1, max);
    }
    return v.major() > 0 ? new FwVersion(v.major() - 1, max, max) : null;
  }

  /** A concrete device that satisfies every assumption. */
  DeviceAttributes witness() {
    String board = boards.iterator().next();
    String id = value("id", "dev-1");
    String zone = value("zone", "");
    FwVersion v = fwWitness();
    String fwText = v == null || v.equals(FwVersion.UNKNOWN) ? "" : v.toString();
    List<String> tagList = new ArrayList<>();
    tags.forEach(
        (t, on) -> {
          if (on) {
            tagList.add(t);
          }
        });
    Map<String, String> attrs = new TreeMap<>();
    Set<String> keys = new HashSet<>(equal.keySet());
    keys.addAll(notEqual.keySet());
    for (String k : keys) {
      if (k.startsWith("attr:")) {
        String a = value(k, "");
        if (!a.isEmpty()) {
          attrs.put(k.substring(5), a);
        }
      }
    }
    return new DeviceAttributes(board, id, zone, fwText, tagList, attrs, Map.of());
  }

  /** The pinned value, else the preferred one, else a fresh one that avoids every exclusion. */
  private String value(String key, String preferred) {
    String eq = equal.get(key);
    if (eq != null) {
      return eq;
    }
    Set<String> ne = notEqual.getOrDefault(key, Set.of());
    if (!ne.contains(preferred)) {
      return preferred;
    }
    String stem = key.equals("id") ? "dev-" : key.equals("zone") ? "zone-" : "value-";
    for (int i = 1; ; i++) {
      if (!ne.contains(stem + i)) {
        return stem + i;
      }
    }
  }

  /** The device as a proof message names it: {@code board=nrf52840, zone=north, tag heater}. */
  static String describe(DeviceAttributes d) {
    List<String> parts = new ArrayList<>();
    parts.add("board=" + d.board());
    if (!d.id().matches("dev-[0-9]+")) {
      parts.add("id=" + d.id());
    }
    if (!d.zone().isEmpty()) {
      parts.add("zone=" + d.zone());
    }
    if (!d.fw().isEmpty()) {
      parts.add("fw=" + d.fw());
    }
    d.tags().forEach(t -> parts.add("tag " + t));
    d.attrs().forEach((k, v) -> parts.add("attr " + k + "=" + v));
    return String.join(", ", parts);
  }
}
