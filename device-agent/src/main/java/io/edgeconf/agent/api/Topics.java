package io.edgeconf.agent.api;

import java.util.List;
import java.util.Optional;

/** The management API's topics (management-api.md). */
public final class Topics {
  private Topics() {}

  public static String commandFilter(String gateway) {
    return "ec/gw/" + gateway + "/cmd/+";
  }

  public static String fleetFilter(String group) {
    return "ec/fleet/" + group + "/cmd/+";
  }

  public static String command(String gateway, String verb) {
    return "ec/gw/" + gateway + "/cmd/" + verb;
  }

  public static String fleetCommand(String group, String verb) {
    return "ec/fleet/" + group + "/cmd/" + verb;
  }

  public static String status(String gateway) {
    return "ec/gw/" + gateway + "/status";
  }

  public static String events(String gateway) {
    return "ec/gw/" + gateway + "/events";
  }

  public static String online(String gateway) {
    return "ec/gw/" + gateway + "/online";
  }

  public static String device(String gateway, String id) {
    return "ec/gw/" + gateway + "/devices/" + id;
  }

  /** The verb of a command topic, if it is one. */
  public static Optional<String> verb(String topic) {
    List<String> parts = List.of(topic.split("/", -1));
    if (parts.size() == 5
        && parts.get(0).equals("ec")
        && (parts.get(1).equals("gw") || parts.get(1).equals("fleet"))
        && parts.get(3).equals("cmd")) {
      return Optional.of(parts.get(4));
    }
    return Optional.empty();
  }
}
