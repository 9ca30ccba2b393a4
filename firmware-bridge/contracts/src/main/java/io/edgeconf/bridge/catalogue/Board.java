package io.edgeconf.bridge.catalogue;

/**
 * One kind of board in the catalogue.
 *
 * @param name the board name used in policies, descriptors and {@code hello} messages
 * @param transport how the gateway reaches it
 * @param maxImageBytes the largest config image its firmware accepts
 * @param coapBlockSize the CoAP block size of its pushes, or 0 when it is not a CoAP board
 */
public record Board(String name, Transport transport, int maxImageBytes, int coapBlockSize) {
  public Board {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("board name must not be empty");
    }
    if (transport == null) {
      throw new IllegalArgumentException("board " + name + ": transport must be given");
    }
    if (maxImageBytes <= 0) {
      throw new IllegalArgumentException("board " + name + ": maxImageBytes " + maxImageBytes);
    }
    if ((transport == Transport.COAP) != (coapBlockSize > 0)) {
      throw new IllegalArgumentException(
          "board " + name + ": a CoAP block size is required for CoAP boards only");
    }
  }
}
