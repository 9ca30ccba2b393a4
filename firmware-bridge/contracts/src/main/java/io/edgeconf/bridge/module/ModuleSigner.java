package io.edgeconf.bridge.module;

import io.edgeconf.bridge.schema.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * Signs config modules: appends the {@code edgeconf.sig} custom section as the module's last
 * section (see docs/module-abi.md). Its 73 content bytes are the algorithm (1 = Ed25519), the
 * signer's 8-byte {@link KeyId} and the 64-byte Ed25519 signature of the SHA-256 of every module
 * byte before the section. Stateless and thread-safe.
 */
public final class ModuleSigner {
  /** The name of the signature section. */
  public static final String SECTION = "edgeconf.sig";

  /** The algorithm byte for Ed25519. */
  public static final int ALGORITHM_ED25519 = 1;

  /** Bytes of an Ed25519 signature. */
  public static final int SIGNATURE_SIZE = 64;

  /** Bytes of the section's content: algorithm, key id, signature. */
  public static final int CONTENT_SIZE = 1 + KeyId.SIZE + SIGNATURE_SIZE;

  private ModuleSigner() {}

  /**
   * Signs a module, replacing a signature section it already ends with.
   *
   * @return the signed module
   * @throws ModuleFormatException when the module's sections cannot be read, or it holds an {@code
   *     edgeconf.sig} section that is not its last
   * @throws KeyFormatException when the key is not an Ed25519 private key
   */
  public static byte[] sign(byte[] module, PrivateKey key) {
    byte[] unsigned = unsigned(module);
    KeyId keyId = KeyId.of(Ed25519Keys.publicKeyOf(key));
    byte[] signature;
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initSign(key);
      ed.update(Sha256.digest(unsigned));
      signature = ed.sign();
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("cannot sign with this key: " + e.getMessage(), e);
    }
    byte[] name = SECTION.getBytes(StandardCharsets.US_ASCII);
    int size = 1 + name.length + CONTENT_SIZE; // < 128: a one-byte LEB128
    byte[] out = Arrays.copyOf(unsigned, unsigned.length + 2 + size);
    int p = unsigned.length;
    out[p++] = WasmSections.CUSTOM;
    out[p++] = (byte) size;
    out[p++] = (byte) name.length;
    System.arraycopy(name, 0, out, p, name.length);
    p += name.length;
    out[p++] = ALGORITHM_ED25519;
    System.arraycopy(keyId.bytes(), 0, out, p, KeyId.SIZE);
    p += KeyId.SIZE;
    System.arraycopy(signature, 0, out, p, SIGNATURE_SIZE);
    return out;
  }

  /**
   * The module without its trailing signature section (the bytes a signature covers).
   *
   * @throws ModuleFormatException when the sections cannot be read or a signature section is not
   *     last
   */
  public static byte[] unsigned(byte[] module) {
    WasmSections sections = WasmSections.parse(module);
    var all = sections.sections();
    int end = module.length;
    for (int i = 0; i < all.size(); i++) {
      var s = all.get(i);
      if (s.id() == WasmSections.CUSTOM && s.name().equals(SECTION)) {
        if (i != all.size() - 1) {
          throw new ModuleFormatException(
              "edgeconf.sig at offset 0x"
                  + Integer.toHexString(s.start())
                  + " is not the last section");
        }
        end = s.start();
      }
    }
    return Arrays.copyOf(module, end);
  }
}
