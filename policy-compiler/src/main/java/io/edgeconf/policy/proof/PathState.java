package io.edgeconf.policy.proof;

import io.edgeconf.policy.model.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * One path of the proof: the assumptions about the device, the field values so far, where each was
 * last assigned, the rules that fired, and what (if anything) made the path uncertain. Immutable.
 */
record PathState(
    Constraints constraints,
    List<PVal> fields,
    List<SourcePos> assignedAt,
    List<Integer> fired,
    String uncertainty) {

  /** Whether the path assumed something about an opaque value ({@code num()}, two attributes). */
  boolean uncertain() {
    return uncertainty != null;
  }

  /** The uncertainty, or {@code fallback} when the path is certain. */
  String uncertaintyOr(String fallback) {
    return uncertainty == null ? fallback : uncertainty;
  }

  PVal field(int index) {
    return fields.get(index);
  }

  PathState with(Constraints c) {
    return new PathState(c, fields, assignedAt, fired, uncertainty);
  }

  PathState assuming(String reason) {
    return new PathState(
        constraints, fields, assignedAt, fired, uncertainty == null ? reason : uncertainty);
  }

  PathState assign(int index, PVal value, SourcePos at) {
    List<PVal> f = new ArrayList<>(fields);
    f.set(index, value);
    List<SourcePos> a = new ArrayList<>(assignedAt);
    a.set(index, at);
    return new PathState(constraints, f, a, fired, uncertainty);
  }

  PathState fire(int rule) {
    List<Integer> f = new ArrayList<>(fired);
    f.add(rule);
    return new PathState(constraints, fields, assignedAt, f, uncertainty);
  }
}
