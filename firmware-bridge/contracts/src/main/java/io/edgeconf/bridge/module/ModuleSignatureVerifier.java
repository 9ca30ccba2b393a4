package io.edgeconf.bridge.module;

import io.edgeconf.bridge.schema.Sha256;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks the {@code edgeconf.sig} section of a config module against trusted keys. A verdict is a
 * value ({@link Result}), never an exception: bad input of any kind yields a refusing result.
 * Stateless and thread-safe.
 */
public final class ModuleSignatureVerifier {
  /** What the check found. */
  public enum Status {
    /** Signed by a trusted key; the signature matches. */
    VALID,
    /** No {@code edgeconf.sig} section. */
    UNSIGNED,
    /** Signed with a key that is not among the trusted keys. */
    UNKNOWN_KEY,
    /** The signature does not match the module's bytes (tampered, or a forged key id). */
    BAD_SIGNATURE,
    /** The module's sections or the signature section cannot be read. */
    MALFORMED,
    /** A signature section exists but is not the module's last section. */
    NOT_LAST
  }

  /**
   * The verdict.
   *
   * @param status what was found
   * @param keyId the key id the section names, when it could be read
   * @param detail one readable sentence
   */
  public record Result(Status status, Optional<KeyId> keyId, String detail) {
    public Result {
      if (status == null || keyId == null || detail == null) {
        throw new IllegalArgumentException("status, keyId and detail must be given");
      }
    }

    /** Whether the module may be trusted. */
    public boolean isValid() {
      return status == Status.VALID;
    }
  }

  private ModuleSignatureVerifier() {}

  /** Checks a module's signature against the trusted keys. Never throws for bad module bytes. */
  public static Result verify(byte[] module, TrustedKeys keys) {
    WasmSections sections;
    try {
      sections = WasmSections.parse(module);
    } catch (ModuleFormatException e) {
      return new Result(Status.MALFORMED, Optional.empty(), e.getMessage());
    }
    var all = sections.sections();
    WasmSections.Section sig = null;
    for (int i = 0; i < all.size(); i++) {
      var s = all.get(i);
      if (s.id() == WasmSections.CUSTOM && s.name().equals(ModuleSigner.SECTION)) {
        if (i != all.size() - 1) {
          return new Result(
              Status.NOT_LAST,
              Optional.empty(),
              "edgeconf.sig at offset 0x"
                  + Integer.toHexString(s.start())
                  + " is not the last section");
        }
        sig = s;
      }
    }
    if (sig == null) {
      return new Result(
          Status.UNSIGNED, Optional.empty(), "the module has no edgeconf.sig section");
    }
    int length = sig.end() - sig.contentStart();
    if (length != ModuleSigner.CONTENT_SIZE
        || module[sig.contentStart()] != ModuleSigner.ALGORITHM_ED25519) {
      return new Result(
          Status.MALFORMED,
          Optional.empty(),
          "edgeconf.sig must hold 73 bytes starting with algorithm 1 (Ed25519); it holds "
              + length
              + " bytes");
    }
    KeyId keyId = KeyId.fromBytes(module, sig.contentStart() + 1);
    Optional<PublicKey> key = keys.find(keyId);
    if (key.isEmpty()) {
      return new Result(
          Status.UNKNOWN_KEY, Optional.of(keyId), "key id " + keyId + " is not a trusted key");
    }
    int sigStart = sig.contentStart() + 1 + KeyId.SIZE;
    byte[] signature = Arrays.copyOfRange(module, sigStart, sigStart + ModuleSigner.SIGNATURE_SIZE);
    boolean ok;
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(key.get());
      ed.update(Sha256.digest(Arrays.copyOf(module, sig.start())));
      ok = ed.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      ok = false;
    }
    return ok
        ? new Result(Status.VALID, Optional.of(keyId), "signed by trusted key " + keyId)
        : new Result(
            Status.BAD_SIGNATURE,
            Optional.of(keyId),
            "the signature of key " + keyId + " does not match the module's bytes");
  }
}
