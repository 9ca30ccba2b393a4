package io.edgeconf.faults;

import java.time.Duration;
import java.util.Optional;

/**
 * A fault one board gets for one soak deploy: a simulator fault ({@code KIND[=PARAM]}, armed for
 * the deploy's image only, see {@link OneImageFaults}), or a power cut before the deploy with power
 * restored some time after it.
 *
 * @param deviceId the board
 * @param spec the simulator fault, or {@code power-off} for the power cut
 * @param powerOnAfter (power cut) when power comes back, counted from the deploy's answer
 */
record BoardFault(String deviceId, String spec, Optional<Duration> powerOnAfter) {
  static final String POWER_OFF = "power-off";

  static BoardFault sim(String deviceId, String spec) {
    return new BoardFault(deviceId, spec, Optional.empty());
  }

  static BoardFault powerOff(String deviceId, Duration onAfter) {
    return new BoardFault(deviceId, POWER_OFF, Optional.of(onAfter));
  }

  /** The fault's kind: the SPEC name before {@code =}. */
  String kind() {
    int eq = spec.indexOf('=');
    return eq < 0 ? spec : spec.substring(0, eq);
  }

  boolean isPowerOff() {
    return spec.equals(POWER_OFF);
  }

  /**
   * Whether a board on which this fault took effect must fail the new image when nothing else
   * interferes (the rollout succeeded and the agent was not killed): it refuses, never answers,
   * reports {@code ok:false} or crashes back to its old image inside the health window.
   */
  boolean mustFailOnceFired() {
    return switch (kind()) {
      case "reject", "flash-fail", "no-ack", "unhealthy", "crash-after-apply" -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    String who = deviceId.substring(deviceId.indexOf('-') + 1);
    return who
        + " "
        + spec
        + powerOnAfter.map(d -> " (on after " + d.toMillis() + "ms)").orElse("");
  }
}
