package io.edgeconf.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a directory tree (the demo's temporary files). */
final class TempTree {
  private TempTree() {}

  /**
   * Deletes the tree, deepest entries first; a missing tree is fine.
   *
   * @throws IOException when an entry cannot be deleted
   */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
