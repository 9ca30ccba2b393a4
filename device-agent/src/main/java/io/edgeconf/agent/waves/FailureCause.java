package io.edgeconf.agent.waves;

import java.util.Locale;

/** Why a board failed to take the new image. Stable lower-case names appear in events. */
public enum FailureCause {
  /** The board answered {@code rejected} (the reason is in the detail). */
  REJECTED,
  /** No ack before the push deadline. */
  TIMEOUT,
  /** Applied, but no healthy report with the new version and CRC within the health window. */
  SILENT,
  /** A report with the new image and {@code ok:false}. */
  UNHEALTHY,
  /** A report with another image: the board crashed and reverted to its previous slot. */
  OLD_VERSION,
  /** The push could not be carried out (DTLS handshake, protocol error, transport closed). */
  PUSH_ERROR;

  /** The lower-case name used in events and the journal. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The cause named by {@link #wireName()}. */
  public static FailureCause fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
