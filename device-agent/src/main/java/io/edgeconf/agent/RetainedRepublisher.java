package io.edgeconf.agent;

import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.transport.BoardListener;
import io.edgeconf.bridge.transport.BoardTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the MQTT transport reconnects, publishes every desired image again: a broker that was
 * restarted without persistence lost the retained {@code cfg} topics that make returning boards
 * converge.
 */
final class RetainedRepublisher implements BoardListener {
  private static final Logger log = LoggerFactory.getLogger(RetainedRepublisher.class);

  private final BoardTransport transport;

  RetainedRepublisher(BoardTransport transport) {
    this.transport = transport;
  }

  @Override
  public void onTransportUp(Transport t, boolean reconnect) {
    if (reconnect && t == Transport.MQTT) {
      log.info("MQTT reconnected: publishing the desired images again");
      transport
          .republishDesired()
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  log.warn("cannot republish desired images: {}", e.toString());
                }
              });
    }
  }
}
