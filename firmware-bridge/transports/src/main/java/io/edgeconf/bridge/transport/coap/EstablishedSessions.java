package io.edgeconf.bridge.transport.coap;

import java.net.InetSocketAddress;
import java.security.Principal;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.scandium.ConnectionListener;
import org.eclipse.californium.scandium.dtls.Connection;

/**
 * Reports each DTLS handshake that succeeded, whichever side started it, with the peer's address
 * and PSK identity: the proof that a board holds its key, which Californium's messages do not
 * carry. Called on Scandium's threads; the receiver must only hand over.
 */
final class EstablishedSessions implements ConnectionListener {
  /** Receives a succeeded handshake. */
  interface Receiver {
    void established(InetSocketAddress peer, String identity);
  }

  private final Receiver receiver;

  EstablishedSessions(Receiver receiver) {
    this.receiver = receiver;
  }

  @Override
  public void onConnectionEstablished(Connection connection) {
    InetSocketAddress peer = connection.getPeerAddress();
    Principal identity = connection.getEstablishedPeerIdentity();
    if (peer != null && identity != null) {
      receiver.established(
          peer,
          identity instanceof PreSharedKeyIdentity psk ? psk.getIdentity() : identity.getName());
    }
  }

  @Override
  public void onConnectionRemoved(Connection connection) {}

  @Override
  public boolean onConnectionUpdatesSequenceNumbers(Connection connection, boolean write) {
    return false; // never close a connection for its record count
  }

  @Override
  public boolean onConnectionMacError(Connection connection) {
    return false; // never close a connection for its MAC errors
  }

  @Override
  public void beforeExecution(Connection connection) {}

  @Override
  public void updateExecution(Connection connection) {}

  @Override
  public void afterExecution(Connection connection) {}
}
