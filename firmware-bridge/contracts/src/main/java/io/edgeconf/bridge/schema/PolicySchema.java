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

  /** The field with this name. */
  public Optional<FieldSpec> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
