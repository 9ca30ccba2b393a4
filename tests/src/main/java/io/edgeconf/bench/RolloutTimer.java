package io.edgeconf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Sends one deploy over the management API and follows the gateway's events until the rollout's
 * {@code rollout_completed}. A deploy answered {@code busy} (the previous rollout is still
 * releasing) is sent again; the clock starts at the accepted attempt. Not thread-safe.
 */
final class RolloutTimer {
  private final MgmtClient client;
  private final Predicate<String> mqttBoard;

  RolloutTimer(MgmtClient client, Predicate<String> mqttBoard) {
    this.client = client;
    this.mqttBoard = mqttBoard;
  }

  /**
   * Deploys and waits for the end.
   *
   * @throws IllegalStateException when the deploy is refused or the rollout does not end in time
   */
  RolloutTiming deploy(String kind, byte[] module, int boards, long timeoutMillis)
      throws MqttException, InterruptedException {
    long t0;
    JsonNode answer;
    double acceptedAt;
    long retryEnd = System.currentTimeMillis() + 60_000;
    while (true) {
      client.clearEvents();
      t0 = System.nanoTime();
      var r = client.request("deploy", module, 60_000);
      if (r == null) {
        throw new IllegalStateException("no answer to deploy within 60 s");
      }
      answer = r.json();
      if (answer.path("ok").asBoolean()) {
        acceptedAt = ms(t0, r.nanos());
        break;
      }
      if (!answer.path("error").path("code").asText().equals("busy")
          || System.currentTimeMillis() > retryEnd) {
        throw new IllegalStateException("deploy refused: " + answer);
      }
      Thread.sleep(200);
    }
    return follow(kind, answer.path("rollout").asText(), acceptedAt, t0, boards, timeoutMillis);
  }

  private RolloutTiming follow(
      String kind, String rollout, double acceptedAt, long t0, int boards, long timeoutMillis)
      throws InterruptedException {
    double mqttApplied = -1;
    double allApplied = -1;
    double allConfirmed = -1;
    double rbStarted = -1;
    double rbCompleted = -1;
    Set<String> applied = new HashSet<>();
    Set<String> confirmed = new HashSet<>();
    Set<String> failed = new HashSet<>();
    Map<String, Integer> causes = new TreeMap<>();
    long end = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < end) {
      var e = client.nextEvent(500);
      if (e == null || !rollout.equals(e.json().path("rollout").asText())) {
        continue;
      }
      JsonNode j = e.json();
      double at = ms(t0, e.nanos());
      String device = j.path("device").asText();
      String event = j.path("event").asText();
      switch (event) {
        case "device_applied" -> {
          if (applied.add(device)) {
            allApplied = at;
            mqttApplied = mqttBoard.test(device) ? at : mqttApplied;
          }
        }
        case "device_confirmed" -> {
          if (confirmed.add(device)) {
            allConfirmed = at;
          }
        }
        case "device_failed" -> {
          if (failed.add(device)) {
            causes.merge(j.path("cause").asText("?"), 1, Integer::sum);
          }
        }
        case "rollback_started" -> rbStarted = at;
        case "rollback_completed" -> rbCompleted = at;
        case "rollout_completed" -> {
          return new RolloutTiming(
              kind,
              boards,
              acceptedAt,
              mqttApplied,
              allApplied,
              allConfirmed,
              rbStarted,
              rbCompleted,
              at,
              j.path("outcome").asText(),
              applied.size(),
              confirmed.size(),
              failed.size(),
              causes.entrySet().stream()
                  .map(c -> c.getKey() + "×" + c.getValue())
                  .collect(Collectors.joining(", ")));
        }
        default -> {}
      }
    }
    throw new IllegalStateException(
        "rollout "
            + rollout
            + " did not complete within "
            + timeoutMillis
            + " ms; applied "
            + applied.size()
            + ", confirmed "
            + confirmed.size()
            + ", failed "
            + failed.size()
            + " of "
            + boards);
  }

  private static double ms(long t0, long t) {
    return (t - t0) / 1e6;
  }
}
