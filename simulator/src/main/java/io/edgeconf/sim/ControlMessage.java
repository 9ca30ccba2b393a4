package io.edgeconf.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A message on a board's control topic {@code ec/sim/<device-id>/fault}: a UTF-8 JSON object with
 * one or more of
 *
 * <ul>
 *   <li>{@code "set": "KIND[=PARAM],..."} — set faults on this board (a fault SPEC without
 *       targets), e.g. {@code {"set":"crash-after-apply=2s"}};
 *   <li>{@code "clear": true} — clear every fault; {@code "clear": "KIND,..."} — clear those kinds;
 *   <li>{@code "power": "off" | "on"} — cut or restore the board's power;
 *   <li>{@code "reboot": true} — reboot the board.
 * </ul>
 *
 * Clearing happens before setting. Anything else (not JSON, unknown keys, wrong types, a bad fault)
 * makes the whole message malformed: the simulator logs it and ignores it.
 *
 * @param set faults to set
 * @param clearAll whether to clear every fault first
 * @param clear kinds to clear first
 * @param power the power to switch to, if any
 * @param reboot whether to reboot
 */
public record ControlMessage(
    List<Fault> set,
    boolean clearAll,
    List<FaultKind> clear,
    Optional<Boolean> power,
    boolean reboot) {
  /** Larger control messages are refused unread. */
  public static final int MAX_BYTES = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS = Set.of("set", "clear", "power", "reboot");

  public ControlMessage {
    set = List.copyOf(set);
    clear = List.copyOf(clear);
    power = power == null ? Optional.empty() : power;
    if (set.isEmpty() && !clearAll && clear.isEmpty() && power.isEmpty() && !reboot) {
      throw new FaultSpecException("control message does nothing");
    }
  }

  /**
   * @throws FaultSpecException saying what is wrong
   */
  public static ControlMessage parse(byte[] json) {
    if (json == null || json.length == 0 || json.length > MAX_BYTES) {
      throw new FaultSpecException(
          "control message of " + (json == null ? 0 : json.length) + " bytes (1 to 4096)");
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      throw new FaultSpecException("control message is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new FaultSpecException("control message is not a JSON object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new FaultSpecException("control message: unknown key '" + key + "'");
      }
    }
    List<Fault> set = new ArrayList<>();
    if (node.has("set")) {
      if (!node.get("set").isTextual()) {
        throw new FaultSpecException("control message: 'set' must be a string");
      }
      for (String item : node.get("set").textValue().split(",")) {
        if (item.contains("@")) {
          throw new FaultSpecException("control message: '" + item + "' has a target");
        }
        set.add(Fault.parse(item));
      }
    }
    boolean clearAll = false;
    List<FaultKind> clear = new ArrayList<>();
    if (node.has("clear")) {
      JsonNode c = node.get("clear");
      if (c.isBoolean()) {
        clearAll = c.booleanValue();
      } else if (c.isTextual()) {
        for (String name : c.textValue().split(",")) {
          clear.add(
              FaultKind.fromSpecName(name.trim())
                  .orElseThrow(
                      () ->
                          new FaultSpecException("control message: unknown kind '" + name + "'")));
        }
      } else {
        throw new FaultSpecException("control message: 'clear' must be true or a string");
      }
    }
    Optional<Boolean> power = Optional.empty();
    if (node.has("power")) {
      String p = node.get("power").asText("");
      if (!node.get("power").isTextual() || !(p.equals("on") || p.equals("off"))) {
        throw new FaultSpecException("control message: 'power' must be \"on\" or \"off\"");
      }
      power = Optional.of(p.equals("on"));
    }
    boolean reboot = false;
    if (node.has("reboot")) {
      if (!node.get("reboot").isBoolean()) {
        throw new FaultSpecException("control message: 'reboot' must be true or false");
      }
      reboot = node.get("reboot").booleanValue();
    }
    return new ControlMessage(set, clearAll, clear, power, reboot);
  }
}
