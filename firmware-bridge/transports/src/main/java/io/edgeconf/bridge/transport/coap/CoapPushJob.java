package io.edgeconf.bridge.transport.coap;

import io.edgeconf.bridge.transport.internal.PendingPush;
import org.eclipse.californium.core.coap.Request;

/** One push over CoAP: its pending result, the request in flight, what was seen so far. */
final class CoapPushJob {
  final PendingPush pending;
  final byte[] image;
  Request request;
  boolean holdsSlot;
  boolean answered;
  boolean secure;
  int attempts;

  CoapPushJob(PendingPush pending, byte[] image) {
    this.pending = pending;
    this.image = image;
  }
}
