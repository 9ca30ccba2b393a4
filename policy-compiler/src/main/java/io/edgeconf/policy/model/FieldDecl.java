package io.edgeconf.policy.model;

import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import java.nio.charset.StandardCharsets;

/**
 * A declared field: its schema entry, its constant default and its documentation.
 *
 * @param spec the field's schema entry (name, type, range)
 * @param defaultValue the default, as {@code PayloadCodec} takes values: {@link Long} for integers
 *     and durations (ms), {@link Boolean} for bool, {@link String} for enums (the member's name)
 *     and text; always within the field's range
 * @param doc the {@code ##} lines above the declaration joined by {@code \n}, or {@code ""}
 * @param pos where the declaration starts
 */
public record FieldDecl(FieldSpec spec, Object defaultValue, String doc, SourcePos pos) {
  public FieldDecl {
    Checks.notNull(spec, "field spec");
    doc = doc == null ? "" : doc;
    pos = pos == null ? SourcePos.NONE : pos;
    String bad = defaultProblem(spec, defaultValue);
    if (bad != null) {
      throw new IllegalArgumentException("field " + spec.name() + ": default " + bad);
    }
  }

  private static String defaultProblem(FieldSpec spec, Object v) {
    return switch (spec.type()) {
      case BOOL -> v instanceof Boolean ? null : "must be a Boolean, not " + v;
      case ENUM ->
          v instanceof String s && spec.enumMembers().contains(s)
              ? null
              : "must be one of " + spec.enumMembers() + ", not " + v;
      case TEXT ->
          v instanceof String s && s.getBytes(StandardCharsets.UTF_8).length <= spec.textLength()
              ? null
              : "must be a String of at most " + spec.textLength() + " UTF-8 bytes, not " + v;
      default ->
          v instanceof Long l && l >= spec.min() && l <= spec.max()
              ? null
              : "must be a Long in " + spec.min() + ".." + spec.max() + ", not " + v;
    };
  }

  /** The field's name. */
  public String name() {
    return spec.name();
  }

  /**
   * The default as the integer the image encodes: the value itself for integers and durations, 0/1
   * for bool, the member's index for enums.
   *
   * @throws IllegalStateException for text fields, whose default is a string
   */
  public long defaultBits() {
    return switch (defaultValue) {
      case Long l -> l;
      case Boolean b -> b ? 1 : 0;
      case String s when spec.type() == FieldType.ENUM -> spec.enumMembers().indexOf(s);
      default ->
          throw new IllegalStateException("text field " + name() + " has no integer default");
    };
  }
}
