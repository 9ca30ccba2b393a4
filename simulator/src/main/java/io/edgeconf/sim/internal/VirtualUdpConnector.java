package io.edgeconf.sim.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;
import org.eclipse.californium.elements.UdpEndpointContext;
import org.eclipse.californium.elements.exception.EndpointMismatchException;
import org.eclipse.californium.elements.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain UDP connector for Californium that costs no platform thread: one receiver loop on a
 * thread from the given factory (a virtual thread on recent JDKs), and sends on the caller's
 * thread. Californium's own {@code UDPConnector} starts two platform threads per endpoint at least,
 * which 1000 boards cannot afford. Thread-safe.
 */
final class VirtualUdpConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(VirtualUdpConnector.class);
  private static final int MAX_DATAGRAM = 2048;

  private final InetSocketAddress bind;
  private final ThreadFactory threads;
  private volatile DatagramChannel channel;
  private volatile InetSocketAddress local;
  private volatile RawDataChannel receiver;
  private volatile EndpointContextMatcher matcher;
  private volatile boolean running;

  VirtualUdpConnector(InetSocketAddress bind, ThreadFactory threads) {
    this.bind = bind;
    this.threads = threads;
  }

  @Override
  public synchronized void start() throws IOException {
    if (running) {
      return;
    }
    DatagramChannel ch = DatagramChannel.open();
    ch.bind(bind);
    channel = ch;
    local = (InetSocketAddress) ch.getLocalAddress();
    running = true;
    threads.newThread(() -> receive(ch)).start();
  }

  private void receive(DatagramChannel ch) {
    ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM + 1);
    while (running && ch.isOpen()) {
      try {
        buf.clear();
        SocketAddress from = ch.receive(buf);
        if (from == null || buf.position() > MAX_DATAGRAM) {
          continue; // truncated: too large for a board
        }
        byte[] bytes = Arrays.copyOf(buf.array(), buf.position());
        RawDataChannel r = receiver;
        if (r != null) {
          r.receiveData(
              RawData.inbound(
                  bytes,
                  new UdpEndpointContext((InetSocketAddress) from),
                  false,
                  ClockUtil.nanoRealtime(),
                  local));
        }
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        if (running) {
          LOG.debug("UDP {}: receive failed: {}", local, e.toString());
        }
      }
    }
  }

  @Override
  public void send(RawData msg) {
    DatagramChannel ch = channel;
    if (!running || ch == null) {
      msg.onError(new InterruptedIOException("connector is not running"));
      return;
    }
    EndpointContext destination = msg.getEndpointContext();
    InetSocketAddress peer = destination.getPeerAddress();
    UdpEndpointContext context = new UdpEndpointContext(peer);
    EndpointContextMatcher m = matcher;
    if (m != null && !m.isToBeSent(destination, context)) {
      msg.onError(new EndpointMismatchException());
      return;
    }
    try {
      msg.onContextEstablished(context);
      ch.send(ByteBuffer.wrap(msg.getBytes()), peer);
      msg.onSent();
    } catch (IOException e) {
      msg.onError(e);
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    DatagramChannel ch = channel;
    channel = null;
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        LOG.debug("UDP {}: close: {}", local, e.toString());
      }
    }
  }

  @Override
  public void destroy() {
    stop();
  }

  @Override
  public void setRawDataReceiver(RawDataChannel receiver) {
    this.receiver = receiver;
  }

  @Override
  public void setEndpointContextMatcher(EndpointContextMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public InetSocketAddress getAddress() {
    InetSocketAddress l = local;
    return l != null ? l : bind;
  }

  @Override
  public String getProtocol() {
    return "UDP";
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void processDatagram(DatagramPacket datagram) {
    RawDataChannel r = receiver;
    if (r != null) {
      byte[] bytes =
          Arrays.copyOfRange(
              datagram.getData(),
              datagram.getOffset(),
              datagram.getOffset() + datagram.getLength());
      r.receiveData(
          RawData.inbound(
              bytes,
              new UdpEndpointContext((InetSocketAddress) datagram.getSocketAddress()),
              false,
              ClockUtil.nanoRealtime(),
              local));
    }
  }

  @Override
  public String toString() {
    return "UDP-" + getAddress();
  }
}
