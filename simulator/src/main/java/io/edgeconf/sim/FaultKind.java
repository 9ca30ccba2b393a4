package io.edgeconf.sim;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of fault a simulated board can be given (the fault table of docs/cli.md). */
public enum FaultKind {
  /** Answers {@code rejected} with the given reason. Parameter: a rejection reason. */
  REJECT("reject", Param.REASON),
  /** Never answers a push (and does not apply it). */
  NO_ACK("no-ack", Param.NONE),
  /** Acks, then after the duration crashes, reboots and runs its previous slot. */
  CRASH_AFTER_APPLY("crash-after-apply", Param.DURATION),
  /**
   * Acks, then reports {@code ok:false}; reverts to its previous slot after the optional duration
   * (default: one health interval).
   */
  UNHEALTHY("unhealthy", Param.OPTIONAL_DURATION),
  /** Answers each push only after the duration. */
  SLOW("slow", Param.DURATION),
  /** (CoAP) drops that percentage of datagrams, both ways. */
  LOSS("loss", Param.PERCENT),
  /** Fails the slot write: {@code rejected} with reason {@code flash}. */
  FLASH_FAIL("flash-fail", Param.NONE),
  /** Loses power half-way through writing the slot, reboots and runs the old slot. */
  POWER_CUT("power-cut", Param.NONE),
  /** Goes offline for the duration on the next push (without handling it), then returns. */
  OFFLINE("offline", Param.DURATION);

  /** What a kind's parameter is. */
  enum Param {
    NONE,
    REASON,
    DURATION,
    OPTIONAL_DURATION,
    PERCENT
  }

  private final String specName;
  private final Param param;

  FaultKind(String specName, Param param) {
    this.specName = specName;
    this.param = param;
  }

  /** The kind's name in a fault SPEC. */
  public String specName() {
    return specName;
  }

  Param param() {
    return param;
  }

  /** The kind with this SPEC name, if any. */
  public static Optional<FaultKind> fromSpecName(String name) {
    return Arrays.stream(values()).filter(k -> k.specName.equals(name)).findFirst();
  }
}
