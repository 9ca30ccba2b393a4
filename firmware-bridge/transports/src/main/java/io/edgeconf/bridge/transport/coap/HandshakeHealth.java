package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.BadInput;
import io.edgeconf.bridge.transport.internal.BadInputLog;
import org.eclipse.californium.scandium.DtlsHealth;

/** Counts failed DTLS handshakes (a wrong key shows up only as one of these). */
final class HandshakeHealth implements DtlsHealth {
  private final BadInputLog bad;

  HandshakeHealth(BadInputLog bad) {
    this.bad = bad;
  }

  @Override
  public void dump(
      String tag, int maxConnections, int remainingCapacity, int pendingWithoutVerify) {}

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public void startHandshake() {}

  @Override
  public void endHandshake(boolean success) {
    if (!success) {
      bad.report(
          BadInput.DTLS_AUTH_FAILED,
          "a DTLS peer",
          "handshake failed: probably a wrong key or an unknown identity");
    }
  }

  @Override
  public void receivingRecord(boolean dropped) {}

  @Override
  public void sendingRecord(boolean dropped) {}
}
