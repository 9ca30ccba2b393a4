package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.RebootResult;

/**
 * How an exchange with a DTLS board that went wrong is judged. Californium shows a wrong key or an
 * identity the board does not know only as a failed handshake or as no answer at all, so over DTLS
 * silence counts as an authentication failure, not a timeout. Stateless.
 */
final class DtlsFailures {
  /** The detail of a push that ends at its deadline unanswered over DTLS. */
  static final String NO_ANSWER_BEFORE_DEADLINE =
      "no answer from a DTLS board before the deadline: probably a wrong key or an unknown"
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
   * Whether a push's silence may be a wrong key: a DTLS board that has not answered it. Its stale
   * or wrongly keyed session looks exactly like this.
   */
  static boolean unansweredOverDtls(CoapPushJob job) {
    return job.secure && !job.answered;
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
