package io.edgeconf.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one entry of the metadata's {@code fields}: {@code name}, {@code type}, {@code min}/{@code
 * max} for integer types and durations, {@code members} for enums, {@code length} for text. Empty
 * when a key it needs is missing.
 */
final class MetaFields {
  private MetaFields() {}

  static Optional<FieldSpec> field(JsonNode f) {
    String name = f.path("name").asText("");
    String typeName = f.path("type").asText("");
    if (name.isEmpty() || typeName.isEmpty()) {
      return Optional.empty();
    }
    if (typeName.startsWith("enum")) {
      typeName = "enum";
    } else if (typeName.startsWith("text")) {
      typeName = "text";
    }
    FieldType type = CanonicalSchema.type(typeName);
    return switch (type) {
      case BOOL -> Optional.of(FieldSpec.bool(name));
      case ENUM -> {
        if (!f.path("members").isArray()) {
          yield Optional.empty();
        }
        List<String> members = new ArrayList<>();
        f.get("members").forEach(m -> members.add(m.asText()));
        yield Optional.of(FieldSpec.enumeration(name, members));
      }
      case TEXT ->
          f.path("length").canConvertToInt()
              ? Optional.of(FieldSpec.text(name, f.get("length").intValue()))
              : Optional.empty();
      default ->
          f.path("min").canConvertToLong() && f.path("max").canConvertToLong()
              ? Optional.of(
                  FieldSpec.ranged(name, type, f.get("min").longValue(), f.get("max").longValue()))
              : Optional.of(FieldSpec.ranged(name, type));
    };
  }
}
