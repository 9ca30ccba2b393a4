package io.edgeconf.bridge.transport.coap;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;

/** Wraps a connector and drops a share of datagrams both ways, as a lossy radio link would. */
final class LossyConnector implements Connector {
  private final Connector inner;
  private final double loss;
  private final SplittableRandom random;
  final AtomicLong dropped = new AtomicLong();

  LossyConnector(Connector inner, double loss, long seed) {
    this.inner = inner;
    this.loss = loss;
    this.random = new SplittableRandom(seed);
  }

  private synchronized boolean drop() {
    boolean d = random.nextDouble() < loss;
    if (d) {
      dropped.incrementAndGet();
    }
    return d;
  }

  @Override
  public void start() throws IOException {
    inner.start();
  }

  @Override
  public void stop() {
    inner.stop();
  }

  @Override
  public void destroy() {
    inner.destroy();
  }

  @Override
  public void send(RawData msg) {
    if (drop()) {
      // Lost on the air: to the sender it looks sent, as with a real UDP socket.
      msg.onContextEstablished(msg.getEndpointContext());
      msg.onSent();
      return;
    }
    inner.send(msg);
  }

  @Override
  public void setRawDataReceiver(RawDataChannel receiver) {
    inner.setRawDataReceiver(
        raw -> {
          if (!drop()) {
            receiver.receiveData(raw);
          }
        });
  }

  @Override
  public void setEndpointContextMatcher(EndpointContextMatcher matcher) {
    inner.setEndpointContextMatcher(matcher);
  }

  @Override
  public InetSocketAddress getAddress() {
    return inner.getAddress();
  }

  @Override
  public String getProtocol() {
    return inner.getProtocol();
  }

  @Override
  public boolean isRunning() {
    return inner.isRunning();
  }

  @Override
  public void processDatagram(DatagramPacket datagram) {
    inner.processDatagram(datagram);
  }
}
