package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.message.Health;
import java.time.Instant;
import java.util.Objects;

/**
 * A health report as received from a board.
 *
 * @param deviceId the board
 * @param health the report
 * @param receivedAt when the gateway received it (its clock)
 */
public record HealthReport(String deviceId, Health health, Instant receivedAt) {
  public HealthReport {
    DeviceId.require(deviceId);
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
