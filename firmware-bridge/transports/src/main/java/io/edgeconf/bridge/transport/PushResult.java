package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.image.RejectionReason;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one push: the board's ack, or why there was none.
 *
 * @param deviceId the board
 * @param status how the push ended
 * @param version the version of the pushed image
 * @param crc the CRC-32C of the pushed image
 * @param reason the board's rejection reason ({@link PushStatus#REJECTED} only), kept as text when
 *     it is not a known reason
 * @param detail a human-readable explanation, {@code ""} when there is nothing to add
 */
public record PushResult(
    String deviceId,
    PushStatus status,
    long version,
    long crc,
    Optional<String> reason,
    String detail) {
  public PushResult {
    DeviceId.require(deviceId);
    Objects.requireNonNull(status, "status");
    reason = reason == null ? Optional.empty() : reason;
    detail = detail == null ? "" : detail;
    if ((status == PushStatus.REJECTED) != reason.isPresent()) {
      throw new IllegalArgumentException("a reason is given exactly when the status is rejected");
    }
  }

  public static PushResult applied(String deviceId, long version, long crc, String detail) {
    return new PushResult(deviceId, PushStatus.APPLIED, version, crc, Optional.empty(), detail);
  }

  public static PushResult rejected(
      String deviceId, long version, long crc, String reason, String detail) {
    return new PushResult(deviceId, PushStatus.REJECTED, version, crc, Optional.of(reason), detail);
  }

  /** A result without a reason: any status but {@link PushStatus#REJECTED}. */
  public static PushResult of(
      String deviceId, PushStatus status, long version, long crc, String detail) {
    return new PushResult(deviceId, status, version, crc, Optional.empty(), detail);
  }

  /** The reason as a known rejection reason, when it is one. */
  public Optional<RejectionReason> knownReason() {
    return reason.flatMap(RejectionReason::fromWireName);
  }

  public boolean applied() {
    return status == PushStatus.APPLIED;
  }
}
