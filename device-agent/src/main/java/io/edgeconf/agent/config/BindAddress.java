package io.edgeconf.agent.config;

import io.edgeconf.agent.AgentException;
import io.edgeconf.agent.ErrorCode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The syntax check of an address to bind ({@code coap-bind}): an IPv4 literal, an IPv6 literal
 * (brackets and a zone allowed) or a host name; no name is looked up here. Stateless.
 */
final class BindAddress {
  private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private BindAddress() {}

  /**
   * @return the address as given, without IPv6 brackets
   * @throws AgentException ({@code malformed}) naming the key and the value
   */
  static String check(String key, String value) {
    String v = value;
    if (v.startsWith("[") && v.endsWith("]")) {
      v = v.substring(1, v.length() - 1);
    }
    if (v.contains(":")) {
      if (!isIpv6Literal(v)) {
        throw bad(
            key,
            value,
            v.contains("%")
                ? "not an IPv6 address with the zone of an interface of this machine"
                : "not an IPv6 address (give the address alone, without a port)");
      }
      return v;
    }
    if (IPV4_LIKE.matcher(v).matches()) {
      if (!isIpv4Literal(v)) {
        throw bad(key, value, "not an IPv4 address");
      }
      return v;
    }
    if (v.length() > 253 || !v.chars().allMatch(c -> c < 128) || !labels(v)) {
      throw bad(key, value, "not an IP address or a host name");
    }
    return v;
  }

  private static boolean isIpv4Literal(String v) {
    String[] parts = v.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * The JDK parses a host containing ':' as an IPv6 literal and never looks it up; a zone ({@code
   * fe80::1%wpan0}) must name an interface of this machine.
   */
  private static boolean isIpv6Literal(String v) {
    if (!v.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?")) {
      return false;
    }
    try {
      InetAddress.getByName(v);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean labels(String v) {
    String host = v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
    if (host.isEmpty()) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static AgentException bad(String key, String value, String why) {
    return new AgentException(
        ErrorCode.MALFORMED, "config key '" + key + "': '" + value + "' is " + why);
  }
}
