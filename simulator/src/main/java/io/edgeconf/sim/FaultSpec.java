package io.edgeconf.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The fault SPEC of the command line: comma-separated {@code KIND[=PARAM][@TARGET]}, TARGET being a
 * device id, a board name or a percentage of boards (default all). Example: {@code
 * reject=crc@esp32,slow=2s@sim-nrf52840-001,loss=30@50%}. Stateless.
 */
public final class FaultSpec {
  private FaultSpec() {}

  /**
   * Parses a SPEC; an empty or blank SPEC has no faults.
   *
   * @throws FaultSpecException naming the item that is wrong
   */
  public static List<TargetedFault> parse(String spec) {
    List<TargetedFault> out = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return out;
    }
    for (String item : spec.split(",")) {
      String text = item.trim();
      if (text.isEmpty()) {
        throw new FaultSpecException("fault SPEC '" + spec + "' has an empty item");
      }
      int at = text.lastIndexOf('@');
      String fault = at < 0 ? text : text.substring(0, at);
      String target = at < 0 ? "" : text.substring(at + 1);
      if (at >= 0 && target.isBlank()) {
        throw new FaultSpecException("fault '" + text + "': empty target after @");
      }
      out.add(new TargetedFault(Fault.parse(fault), FaultTarget.parse(target)));
    }
    return List.copyOf(out);
  }
}
