package io.edgeconf.bridge.image;

import io.edgeconf.bridge.wire.WireFormatException;

/** An image that a board would refuse, with the reason it would give. */
public final class ImageRejectedException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  private final RejectionReason reason;

  public ImageRejectedException(RejectionReason reason, String message) {
    super(reason.wireName() + ": " + message);
    this.reason = reason;
  }

  /** The rejection reason of the device protocol. */
  public RejectionReason reason() {
    return reason;
  }
}
