package io.edgeconf.policy.check;

import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.policy.model.CheckedPolicy;
import io.edgeconf.policy.model.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields declared so far: valid ones by index, and names of broken ones (to stay quiet). */
final class FieldTable {
  private final List<FieldSpec> specs = new ArrayList<>();
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final Set<String> broken = new HashSet<>();

  int add(FieldSpec spec) {
    specs.add(spec);
    index.put(spec.name(), specs.size() - 1);
    return specs.size() - 1;
  }

  void addBroken(String name) {
    broken.add(name);
  }

  boolean isBroken(String name) {
    return broken.contains(name);
  }

  boolean contains(String name) {
    return index.containsKey(name) || broken.contains(name);
  }

  /** The index of a valid field, or -1. */
  int indexOf(String name) {
    return index.getOrDefault(name, -1);
  }

  FieldSpec spec(int i) {
    return specs.get(i);
  }

  Type type(int i) {
    return CheckedPolicy.typeOf(specs.get(i), i);
  }

  List<FieldSpec> specs() {
    return List.copyOf(specs);
  }

  Set<String> names() {
    Set<String> all = new HashSet<>(index.keySet());
    all.addAll(broken);
    return all;
  }

  /** The enum field that declares member {@code name}, or -1. */
  int enumDeclaring(String member) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).enumMembers().contains(member)) {
        return i;
      }
    }
    return -1;
  }
}
