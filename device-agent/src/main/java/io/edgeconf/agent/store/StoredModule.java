package io.edgeconf.agent.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A module in the store: content-addressed by its SHA-256, immutable.
 *
 * @param sha256 lower-case hex SHA-256 of the bytes
 * @param policy its policy name
 * @param version its policy version
 * @param bytes the module
 * @param signer the key id of its signature, empty when accepted unsigned
 * @param addedAt when it was first stored
 */
public record StoredModule(
    String sha256,
    String policy,
    long version,
    byte[] bytes,
    Optional<String> signer,
    Instant addedAt) {
  public StoredModule {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 '" + sha256 + "' is not 64 hex digits");
    }
    if (policy == null || policy.isEmpty() || version < 0 || bytes == null) {
      throw new IllegalArgumentException("a stored module needs a policy, a version and bytes");
    }
    bytes = bytes.clone();
    signer = signer == null ? Optional.empty() : signer;
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
