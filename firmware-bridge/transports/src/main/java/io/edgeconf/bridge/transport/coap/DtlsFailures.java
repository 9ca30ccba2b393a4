package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.RebootResult;
import java.util.Optional;

/**
 * How an exchange with a DTLS board that went wrong is judged. Californium shows a wrong key or an
 * identity the board does not know only as a failed handshake or as no answer at all. So a push is
 * an authentication failure when its handshake failed, or when nothing at all was heard from the
 * board since the push began: no handshake completed, no block or message acknowledged, no answer,
 * no health report, no registration. A board heard from holds its key: its silence is a timeout.
 * Stateless.
 */
final class DtlsFailures {
  /** The detail of a push that ends at its deadline with nothing heard over DTLS. */
  static final String NOTHING_HEARD_BEFORE_DEADLINE =
      "nothing heard from a DTLS board before the deadline: probably a wrong key or an unknown"
          + " identity";

  private DtlsFailures() {}

  /** Whether a push's send error is a failed handshake with a DTLS board. */
  static boolean handshakeFailed(CoapPushJob job, Throwable error) {
    return job.secure && error != null && isHandshakeFailure(error);
  }

  /** The detail of a push ended by a failed handshake. */
  static String handshakeFailure(String id, Throwable error) {
    return "DTLS handshake with "
        + id
        + " failed ("
        + error.getMessage()
        + "): probably a wrong key or an identity the board does not know";
  }

  /**
   * Whether a push's silence may be a wrong key: a DTLS board from which nothing at all was heard
   * since the push began (its registration shows when it was last heard). Its stale or wrongly
   * keyed session looks exactly like this; a board that completed a handshake or acknowledged a
   * block since holds its key.
   *
   * @param reg the board's registration, read on the event thread
   */
  static boolean nothingHeardOverDtls(CoapPushJob job, Optional<Registration> reg) {
    return job.secure && reg.map(r -> r.lastHeard.isBefore(job.began)).orElse(true);
  }

  /** A reboot without an answer: an authentication failure over DTLS, else a timeout. */
  static RebootResult rebootUnanswered(String id, boolean secure) {
    return secure
        ? new RebootResult(
            id, RebootResult.Status.AUTH_FAILURE, "no answer over DTLS: probably a wrong key")
        : new RebootResult(id, RebootResult.Status.TIMEOUT, "no answer");
  }

  /** A handshake or DTLS exception anywhere in the cause chain, recognised by its class name. */
  private static boolean isHandshakeFailure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.contains("Handshake") || name.contains("Dtls")) {
        return true;
      }
    }
    return false;
  }
}
