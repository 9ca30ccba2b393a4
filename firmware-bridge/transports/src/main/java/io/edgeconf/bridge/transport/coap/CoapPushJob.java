package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.internal.PendingPush;
import java.time.Instant;
import org.eclipse.californium.core.coap.Request;

/** One push over CoAP: its pending result, the request in flight, what was seen so far. */
final class CoapPushJob {
  final PendingPush pending;
  final byte[] image;

  /** When the push began: whatever the board sent since shows that its DTLS session works. */
  final Instant began;

  /** Its place in the {@link TransferLimiter}'s line, given up if the push ends while waiting. */
  Runnable onSlot;

  Request request;
  boolean holdsSlot;
  boolean secure;
  int attempts;

  CoapPushJob(PendingPush pending, byte[] image, Instant began) {
    this.pending = pending;
    this.image = image;
    this.began = began;
  }
}
