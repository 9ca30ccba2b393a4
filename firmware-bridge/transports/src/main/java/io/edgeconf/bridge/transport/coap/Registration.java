package io.edgeconf.bridge.transport.coap;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

/**
 * A board's current registration: where it is reached and until when. Mutable; confined to the
 * transport's event thread.
 */
final class Registration {
  final String deviceId;
  InetSocketAddress address;
  boolean secure;
  Instant expiresAt;
  Instant lastHeard;
  Instant lastObserve;

  Registration(String deviceId, InetSocketAddress address, boolean secure, Instant expiresAt) {
    this.deviceId = deviceId;
    this.address = address;
    this.secure = secure;
    this.expiresAt = expiresAt;
  }

  /** The URI of a resource on the board ({@code coaps} when it registered over DTLS). */
  URI uri(String path) {
    try {
      return new URI(
          secure ? "coaps" : "coap",
          null,
          address.getAddress().getHostAddress(),
          address.getPort(),
          path,
          null,
          null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot address " + address, e);
    }
  }
}
