package io.edgeconf.sim;

import java.util.UUID;

/** Unique id prefixes: tests share the broker with other suites. */
final class Ids {
  private Ids() {}

  static String prefix(String what) {
    return what + UUID.randomUUID().toString().substring(0, 6);
  }
}
