package io.edgeconf.agent.waves;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link RolloutResult} from a ledger. */
final class Results {
  private Results() {}

  static RolloutResult of(Ledger ledger) {
    Outcome outcome =
        ledger.outcome.orElse(ledger.rollingBack ? Outcome.ROLLED_BACK : Outcome.SUCCEEDED);
    Map<String, DeviceResult> devices = new LinkedHashMap<>();
    for (Track t : ledger.tracks()) {
      devices.put(
          t.id(),
          new DeviceResult(t.id(), t.state, imageOf(ledger, t), t.cause, t.detail, t.recovered));
    }
    List<String> causes = outcome == Outcome.ROLLED_BACK ? ledger.rollbackCauses : List.of();
    return new RolloutResult(ledger.plan, outcome, causes, devices);
  }

  /** The image the outcome gives a board (its desired image). */
  static ImageRole imageOf(Ledger ledger, Track t) {
    ImageRole back = t.plan.revertRole();
    return switch (t.state) {
      case SETTLED, OFFLINE, WAITING, PUSHING, APPLIED, CONFIRMED, SUPERSEDED ->
          ledger.rollingBack ? back : ImageRole.NEW;
      case FAILED, REVERTING, ROLLED_BACK, NOT_REACHED -> back;
    };
  }
}
