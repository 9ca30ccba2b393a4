package io.edgeconf.sim;

import io.edgeconf.bridge.schema.FieldSpec;
import io.edgeconf.bridge.schema.FieldType;
import io.edgeconf.bridge.schema.PolicySchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a canonical schema string (docs/config-image.md) back into fields: {@code name:TYPE:LO:HI},
 * {@code name:bool}, {@code name:enum(a,b,c)}, {@code name:text(N)}, joined by {@code ;}.
 * Stateless.
 */
final class CanonicalSchema {
  private static final Pattern ENUM = Pattern.compile("([a-z_][a-z0-9_]*):enum\\(([^)]*)\\)");
  private static final Pattern TEXT = Pattern.compile("([a-z_][a-z0-9_]*):text\\((\\d{1,3})\\)");
  private static final Pattern BOOL = Pattern.compile("([a-z_][a-z0-9_]*):bool");
  private static final Pattern RANGED =
      Pattern.compile("([a-z_][a-z0-9_]*):([a-z0-9]+):(-?\\d+):(-?\\d+)");

  private CanonicalSchema() {}

  /**
   * @throws FirmwareModuleException naming the item that cannot be read
   */
  static PolicySchema parse(String policyName, String canonical) {
    List<FieldSpec> fields = new ArrayList<>();
    if (!canonical.isEmpty()) {
      for (String item : canonical.split(";", -1)) {
        fields.add(field(item));
      }
    }
    try {
      return new PolicySchema(policyName, fields);
    } catch (IllegalArgumentException e) {
      throw new FirmwareModuleException("schema: " + e.getMessage(), e);
    }
  }

  private static FieldSpec field(String item) {
    try {
      Matcher m;
      if ((m = BOOL.matcher(item)).matches()) {
        return FieldSpec.bool(m.group(1));
      }
      if ((m = ENUM.matcher(item)).matches()) {
        return FieldSpec.enumeration(m.group(1), Arrays.asList(m.group(2).split(",", -1)));
      }
      if ((m = TEXT.matcher(item)).matches()) {
        return FieldSpec.text(m.group(1), Integer.parseInt(m.group(2)));
      }
      if ((m = RANGED.matcher(item)).matches()) {
        return FieldSpec.ranged(
            m.group(1), type(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
      }
    } catch (IllegalArgumentException e) {
      throw new FirmwareModuleException("schema item '" + item + "': " + e.getMessage(), e);
    }
    throw new FirmwareModuleException("schema item '" + item + "' is not canonical");
  }

  static FieldType type(String keyword) {
    return Arrays.stream(FieldType.values())
        .filter(t -> t.keyword().equals(keyword))
        .findFirst()
        .orElseThrow(() -> new FirmwareModuleException("unknown field type '" + keyword + "'"));
  }
}
