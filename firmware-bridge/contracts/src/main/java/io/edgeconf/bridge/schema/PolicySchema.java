package io.edgeconf.bridge.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The identity and field layout of a policy: what the image of every device of that policy looks
 * like. Derived ids (policy id, schema hash) follow the config image contract.
 *
 * @param policyName the policy's name
 * @param fields the fields in declaration (layout) order
 */
public record PolicySchema(String policyName, List<FieldSpec> fields) {
  /** Bytes of the image before the payload. */
  public static final int HEADER_SIZE = 20;

  /** Bytes of the image after the payload (the CRC). */
  public static final int TRAILER_SIZE = 4;

  public PolicySchema {
    if (policyName == null || policyName.isEmpty()) {
      throw new IllegalArgumentException("policy name must not be empty");
    }
    fields = List.copyOf(fields);
    var seen = new HashSet<String>();
    for (FieldSpec f : fields) {
      if (!seen.add(f.name())) {
        throw new IllegalArgumentException("duplicate field " + f.name());
      }
    }
    int payload = fields.stream().mapToInt(FieldSpec::size).sum();
    if (payload > 0xFFFF) {
      throw new IllegalArgumentException("payload of " + payload + " bytes exceeds 65535");
    }
  }

  /** The canonical schema string: each field's item joined by {@code ;}. */
  public String canonical() {
    return fields.stream().map(FieldSpec::canonical).collect(Collectors.joining(";"));
  }

  /** The schema hash: the first 4 bytes of SHA-256 of {@link #canonical()}, as u32 LE. */
  public long schemaHash() {
    return Sha256.first4LittleEndian(canonical());
  }

  /** The policy id: the first 4 bytes of SHA-256 of the policy name, as u32 LE. */
  public long policyId() {
    return policyId(policyName);
  }

  /** The policy id of a policy name. */
  public static long policyId(String policyName) {
    return Sha256.first4LittleEndian(policyName);
  }

  /** Bytes of the payload (every field's encoding). */
  public int payloadSize() {
    return fields.stream().mapToInt(FieldSpec::size).sum();
  }

  /** Bytes of a whole image of this schema. */
  public int imageSize() {
    return HEADER_SIZE + payloadSize() + TRAILER_SIZE;
  }

  /** The byte offset of a field within the payload. */
  public int offsetOf(int fieldIndex) {
    int offset = 0;
    for (int i = 0; i < fieldIndex; i++) {
      offset += fields.get(i).size();
    }
    return offset;
  }

  /**
   * Rebuilds a schema from its canonical string (as a module's metadata carries it).
   *
   * @throws IllegalArgumentException naming the item that is not canonical
   */
  public static PolicySchema parseCanonical(String policyName, String canonical) {
    List<FieldSpec> fields = new java.util.ArrayList<>();
    if (!canonical.isEmpty()) {
      for (String item : canonical.split(";", -1)) {
        fields.add(parseItem(item));
      }
    }
    PolicySchema schema = new PolicySchema(policyName, fields);
    if (!schema.canonical().equals(canonical)) {
      throw new IllegalArgumentException("schema '" + canonical + "' is not in canonical form");
    }
    return schema;
  }

  private static FieldSpec parseItem(String item) {
    int colon = item.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("schema item '" + item + "' has no type");
    }
    String name = item.substring(0, colon);
    String rest = item.substring(colon + 1);
    try {
      if (rest.equals("bool")) {
        return FieldSpec.bool(name);
      }
      if (rest.startsWith("enum(") && rest.endsWith(")")) {
        return FieldSpec.enumeration(
            name, List.of(rest.substring(5, rest.length() - 1).split(",", -1)));
      }
      if (rest.startsWith("text(") && rest.endsWith(")")) {
        return FieldSpec.text(name, Integer.parseInt(rest.substring(5, rest.length() - 1)));
      }
      String[] parts = rest.split(":", -1);
      if (parts.length == 3) {
        for (FieldType type : FieldType.values()) {
          if (type.isRanged() && type.keyword().equals(parts[0])) {
            return FieldSpec.ranged(name, type, Long.parseLong(parts[1]), Long.parseLong(parts[2]));
          }
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("schema item '" + item + "' has a malformed number", e);
    }
    throw new IllegalArgumentException("schema item '" + item + "' has an unknown type");
  }

  /** The field with this name. */
  public Optional<FieldSpec> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
