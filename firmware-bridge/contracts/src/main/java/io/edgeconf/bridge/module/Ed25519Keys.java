package io.edgeconf.bridge.module;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 key pairs for module signing, with the JDK's provider only: generation, PEM files
 * (private key as PKCS#8 written with mode 0600, public key as X.509 SubjectPublicKeyInfo) and the
 * raw 32-byte public key the key id is derived from. Stateless and thread-safe.
 */
public final class Ed25519Keys {
  /** Bytes of a raw Ed25519 public key (and of a private key seed). */
  public static final int RAW_KEY_SIZE = 32;

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 raw key bytes. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";

  private Ed25519Keys() {}

  /** A fresh key pair from the JDK's strong random source. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /**
   * The public key of a private key. The JDK has no direct call for this, so the key pair is
   * regenerated from the private key's 32-byte seed.
   *
   * @throws KeyFormatException when the key is not an Ed25519 private key with its seed
   */
  public static PublicKey publicKeyOf(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
      throw new KeyFormatException("not an Ed25519 private key: " + describe(key));
    }
    byte[] seed = ed.getBytes().get();
    SecureRandom fixed =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;

          @Override
          public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
          }
        };
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, fixed);
      return generator.generateKeyPair().getPublic();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /**
   * The raw 32-byte public key (the last 32 bytes of its SubjectPublicKeyInfo).
   *
   * @throws KeyFormatException when the key is not an Ed25519 public key
   */
  public static byte[] rawPublicKey(PublicKey key) {
    byte[] der = key == null ? null : key.getEncoded();
    if (der == null
        || der.length != SPKI_PREFIX.length + RAW_KEY_SIZE
        || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new KeyFormatException("not an Ed25519 public key: " + describe(key));
    }
    return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
  }

  /**
   * The public key with these raw 32 bytes.
   *
   * @throws KeyFormatException when the bytes are not a valid key
   */
  public static PublicKey publicKeyFromRaw(byte[] raw) {
    if (raw == null || raw.length != RAW_KEY_SIZE) {
      throw new KeyFormatException("a raw Ed25519 public key has 32 bytes");
    }
    byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + RAW_KEY_SIZE);
    System.arraycopy(raw, 0, der, SPKI_PREFIX.length, RAW_KEY_SIZE);
    return decodePublic(der, "raw key");
  }

  /**
   * Writes a private key as PKCS#8 PEM, creating the file with mode 0600 (owner read/write only)
   * where the file system has POSIX permissions. An existing file is not overwritten.
   *
   * @throws IOException when the file exists or cannot be written
   */
  public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    byte[] pem = pem(PRIVATE, key.getEncoded());
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && file.getFileSystem() == FileSystems.getDefault()) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, pem, StandardOpenOption.TRUNCATE_EXISTING);
    } else {
      Files.write(file, pem, StandardOpenOption.CREATE_NEW);
    }
  }

  /**
   * Writes a public key as X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}).
   *
   * @throws IOException when the file exists or cannot be written
   */
  public static void writePublicKey(Path file, PublicKey key) throws IOException {
    rawPublicKey(key);
    Files.write(file, pem(PUBLIC, key.getEncoded()), StandardOpenOption.CREATE_NEW);
  }

  /**
   * Reads a PKCS#8 PEM private key.
   *
   * @throws IOException when the file cannot be read
   * @throws KeyFormatException naming the file when it is not an Ed25519 private key
   */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    byte[] der = unpem(file, PRIVATE);
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyFormatException(
          file + ": not an Ed25519 private key (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Reads an X.509 PEM public key.
   *
   * @throws IOException when the file cannot be read
   * @throws KeyFormatException naming the file when it is not an Ed25519 public key
   */
  public static PublicKey readPublicKey(Path file) throws IOException {
    return decodePublic(unpem(file, PUBLIC), file.toString());
  }

  private static PublicKey decodePublic(byte[] der, String what) {
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      rawPublicKey(key);
      return key;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyFormatException(
          what + ": not an Ed25519 public key (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] unpem(Path file, String label) throws IOException {
    if (Files.size(file) > 16_384) {
      throw new KeyFormatException(file + ": too large for a PEM key");
    }
    String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new KeyFormatException(file + ": no '" + begin + "' block");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e).strip());
    } catch (IllegalArgumentException ex) {
      throw new KeyFormatException(file + ": the PEM block is not Base64", ex);
    }
  }

  private static String describe(Object key) {
    return key == null ? "null" : key.getClass().getSimpleName();
  }
}
