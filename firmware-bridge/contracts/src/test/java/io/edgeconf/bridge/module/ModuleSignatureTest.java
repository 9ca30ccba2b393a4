package io.edgeconf.bridge.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeconf.bridge.module.ModuleSignatureVerifier.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleSignatureTest {
  private static final KeyPair KEYS = Ed25519Keys.generate();
  private static final TrustedKeys TRUSTED = TrustedKeys.of(List.of(KEYS.getPublic()));

  /** A valid module: header, an empty type section, and a custom section "x" holding "hi". */
  static byte[] module() {
    return new byte[] {
      0,
      'a',
      's',
      'm',
      1,
      0,
      0,
      0, // magic, version
      1,
      1,
      0, // type section: size 1, 0 types
      0,
      4,
      1,
      'x',
      'h',
      'i' // custom section "x": "hi"
    };
  }

  @Test
  void signThenVerify() {
    byte[] signed = ModuleSigner.sign(module(), KEYS.getPrivate());
    assertEquals(module().length + 2 + 1 + 12 + 73, signed.length);
    var result = ModuleSignatureVerifier.verify(signed, TRUSTED);
    assertTrue(result.isValid(), result.detail());
    assertEquals(KeyId.of(KEYS.getPublic()), result.keyId().orElseThrow());
    var content = WasmSections.parse(signed).customContent(ModuleSigner.SECTION).orElseThrow();
    assertEquals(73, content.length);
    assertEquals(1, content[0]);
    assertArrayEquals(KeyId.of(KEYS.getPublic()).bytes(), Arrays.copyOfRange(content, 1, 9));
  }

  @Test
  void everySingleByteFlipIsRefused() {
    byte[] signed = ModuleSigner.sign(module(), KEYS.getPrivate());
    for (int i = 0; i < signed.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = signed.clone();
        bad[i] ^= (byte) (1 << bit);
        var result = ModuleSignatureVerifier.verify(bad, TRUSTED);
        assertFalse(result.isValid(), "flip of bit " + bit + " at offset " + i + " was accepted");
      }
      byte[] bad = signed.clone();
      bad[i] ^= (byte) 0xFF;
      assertFalse(ModuleSignatureVerifier.verify(bad, TRUSTED).isValid(), "offset " + i);
    }
  }

  @Test
  void untrustedKeyIsRefused() {
    KeyPair other = Ed25519Keys.generate();
    byte[] signed = ModuleSigner.sign(module(), other.getPrivate());
    var result = ModuleSignatureVerifier.verify(signed, TRUSTED);
    assertEquals(Status.UNKNOWN_KEY, result.status());
    assertEquals(KeyId.of(other.getPublic()), result.keyId().orElseThrow());
    assertEquals(
        Status.UNKNOWN_KEY, ModuleSignatureVerifier.verify(signed, TrustedKeys.none()).status());
  }

  @Test
  void forgedKeyIdIsABadSignature() {
    KeyPair other = Ed25519Keys.generate();
    byte[] signed = ModuleSigner.sign(module(), other.getPrivate());
    int idAt = signed.length - 72;
    System.arraycopy(KeyId.of(KEYS.getPublic()).bytes(), 0, signed, idAt, 8);
    assertEquals(Status.BAD_SIGNATURE, ModuleSignatureVerifier.verify(signed, TRUSTED).status());
  }

  @Test
  void signingAgainReplacesTheSignature() {
    KeyPair other = Ed25519Keys.generate();
    byte[] once = ModuleSigner.sign(module(), other.getPrivate());
    byte[] twice = ModuleSigner.sign(once, KEYS.getPrivate());
    assertEquals(once.length, twice.length);
    assertArrayEquals(module(), ModuleSigner.unsigned(twice));
    assertEquals(Status.VALID, ModuleSignatureVerifier.verify(twice, TRUSTED).status());
    long sigs =
        WasmSections.parse(twice).sections().stream()
            .filter(s -> s.name().equals(ModuleSigner.SECTION))
            .count();
    assertEquals(1, sigs);
  }

  @Test
  void unsignedMalformedAndNotLast() {
    assertEquals(Status.UNSIGNED, ModuleSignatureVerifier.verify(module(), TRUSTED).status());
    assertEquals(Status.MALFORMED, ModuleSignatureVerifier.verify(new byte[3], TRUSTED).status());
    byte[] signed = ModuleSigner.sign(module(), KEYS.getPrivate());
    byte[] trailing = Arrays.copyOf(signed, signed.length + 3);
    trailing[signed.length] = 0;
    trailing[signed.length + 1] = 1;
    trailing[signed.length + 2] = 0; // an empty-named custom section after the signature
    assertEquals(Status.NOT_LAST, ModuleSignatureVerifier.verify(trailing, TRUSTED).status());
    assertThrows(ModuleFormatException.class, () -> ModuleSigner.sign(trailing, KEYS.getPrivate()));
    byte[] shortSig = module();
    byte[] name = "edgeconf.sig".getBytes(StandardCharsets.US_ASCII);
    byte[] withShort = Arrays.copyOf(shortSig, shortSig.length + 2 + 1 + name.length + 1);
    withShort[shortSig.length] = 0;
    withShort[shortSig.length + 1] = (byte) (1 + name.length + 1);
    withShort[shortSig.length + 2] = (byte) name.length;
    System.arraycopy(name, 0, withShort, shortSig.length + 3, name.length);
    withShort[withShort.length - 1] = 1;
    assertEquals(Status.MALFORMED, ModuleSignatureVerifier.verify(withShort, TRUSTED).status());
  }

  @Test
  void keyFilesRoundTripWithPrivateMode0600(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("ops.key");
    Path pub = dir.resolve("ops.pub");
    Ed25519Keys.writePrivateKey(key, KEYS.getPrivate());
    Ed25519Keys.writePublicKey(pub, KEYS.getPublic());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertTrue(Files.readString(pub).startsWith("-----BEGIN PUBLIC KEY-----\n"));
    var priv = Ed25519Keys.readPrivateKey(key);
    var pubKey = Ed25519Keys.readPublicKey(pub);
    assertArrayEquals(Ed25519Keys.rawPublicKey(KEYS.getPublic()), Ed25519Keys.rawPublicKey(pubKey));
    assertArrayEquals(
        Ed25519Keys.rawPublicKey(KEYS.getPublic()),
        Ed25519Keys.rawPublicKey(Ed25519Keys.publicKeyOf(priv)));
    assertEquals(
        KEYS.getPublic(), Ed25519Keys.publicKeyFromRaw(Ed25519Keys.rawPublicKey(KEYS.getPublic())));
    byte[] signed = ModuleSigner.sign(module(), priv);
    assertTrue(ModuleSignatureVerifier.verify(signed, TrustedKeys.load(dir)).isValid());
    assertThrows(java.io.IOException.class, () -> Ed25519Keys.writePrivateKey(key, priv));
  }

  @Test
  void trustDirectoryNamesEachBadFile(@TempDir Path dir) throws Exception {
    Ed25519Keys.writePublicKey(dir.resolve("good.pub"), KEYS.getPublic());
    Files.writeString(dir.resolve("garbage.pub"), "hello");
    Files.writeString(
        dir.resolve("wrong.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    Files.writeString(dir.resolve("ignored.txt"), "not a key");
    var e = assertThrows(KeyFormatException.class, () -> TrustedKeys.load(dir));
    assertTrue(e.getMessage().contains("garbage.pub"), e.getMessage());
    assertTrue(e.getMessage().contains("wrong.pub"), e.getMessage());
    List<String> problems = new java.util.ArrayList<>();
    TrustedKeys lenient = TrustedKeys.load(dir, problems::add);
    assertEquals(2, problems.size());
    assertEquals(List.of(KeyId.of(KEYS.getPublic())), lenient.ids());
  }

  @Test
  void keyIdText() {
    KeyId id = KeyId.of(KEYS.getPublic());
    assertEquals(16, id.hex().length());
    assertEquals(id, KeyId.parse(id.hex()));
    assertThrows(IllegalArgumentException.class, () -> KeyId.parse("xyz"));
    assertThrows(IllegalArgumentException.class, () -> KeyId.parse("zz00000000000000"));
  }
}
