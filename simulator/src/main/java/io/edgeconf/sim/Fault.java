package io.edgeconf.sim;

import io.edgeconf.bridge.image.RejectionReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One fault a board is given: a kind and its parameter. Immutable; validated at construction.
 *
 * @param kind the kind
 * @param duration the duration of {@code crash-after-apply}, {@code slow}, {@code offline}, and
 *     optionally {@code unhealthy}
 * @param percent the share of datagrams {@code loss} drops, 0 to 100
 * @param reason the reason {@code reject} gives
 */
public record Fault(
    FaultKind kind,
    Optional<Duration> duration,
    OptionalInt percent,
    Optional<RejectionReason> reason) {
  public Fault {
    if (kind == null) {
      throw new FaultSpecException("a fault needs a kind");
    }
    duration = duration == null ? Optional.empty() : duration;
    percent = percent == null ? OptionalInt.empty() : percent;
    reason = reason == null ? Optional.empty() : reason;
    FaultKind.Param p = kind.param();
    if (duration.isPresent() != (p == FaultKind.Param.DURATION)
        && p != FaultKind.Param.OPTIONAL_DURATION) {
      throw new FaultSpecException(kind.specName() + ": duration " + duration + " does not fit");
    }
    if (duration.isPresent() && duration.get().isNegative()) {
      throw new FaultSpecException(kind.specName() + ": negative duration " + duration.get());
    }
    if (percent.isPresent() != (p == FaultKind.Param.PERCENT)) {
      throw new FaultSpecException(kind.specName() + ": percent " + percent + " does not fit");
    }
    if (percent.isPresent() && (percent.getAsInt() < 0 || percent.getAsInt() > 100)) {
      throw new FaultSpecException(
          kind.specName() + ": " + percent.getAsInt() + "% is not between 0 and 100");
    }
    if (reason.isPresent() != (p == FaultKind.Param.REASON)) {
      throw new FaultSpecException(kind.specName() + ": reason " + reason + " does not fit");
    }
  }

  /** A fault without a parameter ({@code no-ack}, {@code flash-fail}, ...). */
  public static Fault of(FaultKind kind) {
    return new Fault(kind, Optional.empty(), OptionalInt.empty(), Optional.empty());
  }

  public static Fault reject(RejectionReason reason) {
    return new Fault(FaultKind.REJECT, Optional.empty(), OptionalInt.empty(), Optional.of(reason));
  }

  public static Fault timed(FaultKind kind, Duration duration) {
    return new Fault(kind, Optional.of(duration), OptionalInt.empty(), Optional.empty());
  }

  public static Fault loss(int percent) {
    return new Fault(FaultKind.LOSS, Optional.empty(), OptionalInt.of(percent), Optional.empty());
  }

  /**
   * Parses {@code KIND[=PARAM]}, e.g. {@code reject=crc}, {@code slow=2s}, {@code loss=30}.
   *
   * @throws FaultSpecException naming the item when it is not a fault
   */
  public static Fault parse(String item) {
    String text = item == null ? "" : item.trim();
    int eq = text.indexOf('=');
    String name = eq < 0 ? text : text.substring(0, eq).trim();
    String param = eq < 0 ? null : text.substring(eq + 1).trim();
    FaultKind kind =
        FaultKind.fromSpecName(name)
            .orElseThrow(
                () ->
                    new FaultSpecException(
                        "fault '"
                            + text
                            + "': unknown kind '"
                            + name
                            + "' (known: "
                            + String.join(
                                ", ",
                                Arrays.stream(FaultKind.values()).map(FaultKind::specName).toList())
                            + ")"));
    if (param == null || param.isEmpty()) {
      if (kind.param() == FaultKind.Param.NONE
          || kind.param() == FaultKind.Param.OPTIONAL_DURATION) {
        return of(kind);
      }
      throw new FaultSpecException("fault '" + text + "': " + name + " needs " + describe(kind));
    }
    try {
      return switch (kind.param()) {
        case NONE ->
            throw new FaultSpecException("fault '" + text + "': " + name + " takes no parameter");
        case REASON ->
            reject(
                RejectionReason.fromWireName(param)
                    .orElseThrow(
                        () ->
                            new FaultSpecException(
                                "fault '"
                                    + text
                                    + "': '"
                                    + param
                                    + "' is not a rejection reason")));
        case DURATION, OPTIONAL_DURATION -> timed(kind, Durations.parse(param));
        case PERCENT ->
            loss(
                Integer.parseInt(
                    param.endsWith("%") ? param.substring(0, param.length() - 1) : param));
      };
    } catch (IllegalArgumentException e) {
      throw new FaultSpecException("fault '" + text + "': " + e.getMessage());
    }
  }

  private static String describe(FaultKind kind) {
    return switch (kind.param()) {
      case REASON -> "a rejection reason, e.g. reject=crc";
      case DURATION, OPTIONAL_DURATION -> "a duration, e.g. " + kind.specName() + "=2s";
      case PERCENT -> "a percentage, e.g. loss=30";
      case NONE -> "nothing";
    };
  }

  /** The fault as a SPEC item reads it back. */
  @Override
  public String toString() {
    String name = kind.specName();
    if (reason.isPresent()) {
      return name + "=" + reason.get().wireName();
    }
    if (duration.isPresent()) {
      return name + "=" + Durations.format(duration.get());
    }
    if (percent.isPresent()) {
      return name + "=" + percent.getAsInt();
    }
    return name;
  }
}
