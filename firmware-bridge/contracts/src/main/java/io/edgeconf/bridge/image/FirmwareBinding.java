package io.edgeconf.bridge.image;

import io.edgeconf.bridge.schema.PolicySchema;

/**
 * The policy a board's firmware was built for (from the generated C header): images of any other
 * policy or schema are refused.
 *
 * @param policyId the policy id (u32)
 * @param schemaHash the schema hash (u32)
 */
public record FirmwareBinding(long policyId, long schemaHash) {
  public FirmwareBinding {
    if (policyId < 0 || policyId > 0xFFFF_FFFFL || schemaHash < 0 || schemaHash > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "policy id " + policyId + " and schema hash " + schemaHash + " must be u32");
    }
  }

  /** The binding of firmware built from this schema's C header. */
  public static FirmwareBinding of(PolicySchema schema) {
    return new FirmwareBinding(schema.policyId(), schema.schemaHash());
  }

  /** The binding an image names. */
  public static FirmwareBinding of(ConfigImage image) {
    return new FirmwareBinding(image.policyId(), image.schemaHash());
  }
}
