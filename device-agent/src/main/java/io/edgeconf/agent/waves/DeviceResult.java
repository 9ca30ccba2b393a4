package io.edgeconf.agent.waves;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one board ended.
 *
 * @param deviceId the board
 * @param state its state ({@link DeviceState#OFFLINE} for a board still to converge)
 * @param image the image the outcome gives it, which is its desired image: {@link ImageRole#NEW}
 *     when settled or still offline in a rollout that succeeded, else its previous image ({@link
 *     ImageRole#NONE} when it never had one)
 * @param cause why it failed, when it did
 * @param detail a human-readable explanation of the failure, {@code ""} when none
 * @param recovered after a revert: whether it reported healthy on its previous image
 */
public record DeviceResult(
    String deviceId,
    DeviceState state,
    ImageRole image,
    Optional<FailureCause> cause,
    String detail,
    boolean recovered) {
  public DeviceResult {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(image, "image");
    cause = cause == null ? Optional.empty() : cause;
    detail = detail == null ? "" : detail;
  }
}
