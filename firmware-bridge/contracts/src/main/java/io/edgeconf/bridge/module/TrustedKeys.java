package io.edgeconf.bridge.module;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The Ed25519 public keys a verifier trusts, by {@link KeyId}. Immutable and thread-safe. */
public final class TrustedKeys {
  private final Map<KeyId, PublicKey> byId;

  private TrustedKeys(Map<KeyId, PublicKey> byId) {
    this.byId = Map.copyOf(byId);
  }

  /** Trusts exactly these keys. */
  public static TrustedKeys of(Collection<PublicKey> keys) {
    Map<KeyId, PublicKey> map = new HashMap<>();
    for (PublicKey key : keys) {
      map.put(KeyId.of(key), key);
    }
    return new TrustedKeys(map);
  }

  /** Trusts nothing. */
  public static TrustedKeys none() {
    return new TrustedKeys(Map.of());
  }

  /**
   * Loads every {@code *.pub} file of a directory (PEM, X.509 SubjectPublicKeyInfo).
   *
   * @throws IOException when the directory cannot be listed
   * @throws KeyFormatException naming every file that is not an Ed25519 public key, one per line
   */
  public static TrustedKeys load(Path dir) throws IOException {
    List<String> problems = new ArrayList<>();
    TrustedKeys keys = load(dir, problems::add);
    if (!problems.isEmpty()) {
      throw new KeyFormatException(
          "bad keys in trust directory " + dir + ":\n  " + String.join("\n  ", problems));
    }
    return keys;
  }

  /**
   * Loads every readable {@code *.pub} file of a directory, reporting each bad file to {@code
   * problems} (a sentence naming the file) and skipping it.
   *
   * @throws IOException when the directory cannot be listed
   */
  public static TrustedKeys load(Path dir, Consumer<String> problems) throws IOException {
    List<PublicKey> keys = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.pub")) {
      stream.forEach(files::add);
    }
    files.sort(null);
    for (Path file : files) {
      try {
        keys.add(Ed25519Keys.readPublicKey(file));
      } catch (KeyFormatException e) {
        problems.accept(e.getMessage());
      } catch (IOException e) {
        problems.accept(file + ": cannot be read (" + e.getMessage() + ")");
      }
    }
    return of(keys);
  }

  /** The trusted key with this id. */
  public Optional<PublicKey> find(KeyId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids of every trusted key. */
  public List<KeyId> ids() {
    return byId.keySet().stream().sorted(java.util.Comparator.comparing(KeyId::hex)).toList();
  }

  /** How many keys are trusted. */
  public int size() {
    return byId.size();
  }
}
