package io.edgeconf.sim.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;
import org.eclipse.californium.elements.UdpEndpointContext;

/**
 * Wraps a board's connector to model its radio: while dark it drops everything, and with a {@code
 * loss} fault it drops that share of datagrams both ways. A dropped outgoing datagram is reported
 * sent, as a lost one would be, so Californium retransmits as it would on a real link. Over DTLS
 * the drops apply to CoAP messages (handshake records pass). Thread-safe.
 */
final class LossyConnector implements Connector {
  private final Connector delegate;
  private final IntSupplier lossPercent;
  private volatile boolean dark;

  LossyConnector(Connector delegate, IntSupplier lossPercent) {
    this.delegate = delegate;
    this.lossPercent = lossPercent;
  }

  void setDark(boolean dark) {
    this.dark = dark;
  }

  private boolean drop() {
    if (dark) {
      return true;
    }
    int p = lossPercent.getAsInt();
    return p > 0 && ThreadLocalRandom.current().nextInt(100) < p;
  }

  @Override
  public void send(RawData msg) {
    if (drop()) {
      if ("UDP".equals(delegate.getProtocol())) {
        msg.onContextEstablished(new UdpEndpointContext(msg.getInetSocketAddress()));
      }
      msg.onSent();
      return;
    }
    delegate.send(msg);
  }

  @Override
  public void setRawDataReceiver(RawDataChannel receiver) {
    delegate.setRawDataReceiver(
        raw -> {
          if (!drop()) {
            receiver.receiveData(raw);
          }
        });
  }

  @Override
  public void start() throws IOException {
    delegate.start();
  }

  @Override
  public void stop() {
    delegate.stop();
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  public void setEndpointContextMatcher(EndpointContextMatcher matcher) {
    delegate.setEndpointContextMatcher(matcher);
  }

  @Override
  public InetSocketAddress getAddress() {
    return delegate.getAddress();
  }

  @Override
  public String getProtocol() {
    return delegate.getProtocol();
  }

  @Override
  public boolean isRunning() {
    return delegate.isRunning();
  }

  @Override
  public void processDatagram(DatagramPacket datagram) {
    delegate.processDatagram(datagram);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
