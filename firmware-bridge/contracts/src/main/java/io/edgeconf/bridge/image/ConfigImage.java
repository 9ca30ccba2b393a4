package io.edgeconf.bridge.image;

import java.util.Arrays;

/**
 * A decoded config image (format v1): header fields and the raw payload. The CRC is derived, not
 * stored: {@link ImageCodec#encode} computes it.
 *
 * @param policyId the policy id (u32)
 * @param version the policy version (u32)
 * @param schemaHash the schema hash (u32)
 * @param payload the encoded fields
 */
public record ConfigImage(long policyId, long version, long schemaHash, byte[] payload) {
  public ConfigImage {
    requireU32("policyId", policyId);
    requireU32("version", version);
    requireU32("schemaHash", schemaHash);
    if (payload == null || payload.length > 0xFFFF) {
      throw new IllegalArgumentException(
          "payload of " + (payload == null ? "null" : payload.length + " bytes") + " is invalid");
    }
    payload = payload.clone();
  }

  private static void requireU32(String name, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(name + " " + value + " is not a u32");
    }
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigImage other
        && policyId == other.policyId
        && version == other.version
        && schemaHash == other.schemaHash
        && Arrays.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(policyId) * 31 + Long.hashCode(version) * 17 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "ConfigImage[policyId="
        + policyId
        + ", version="
        + version
        + ", schemaHash="
        + schemaHash
        + ", payload="
        + payload.length
        + " bytes]";
  }
}
