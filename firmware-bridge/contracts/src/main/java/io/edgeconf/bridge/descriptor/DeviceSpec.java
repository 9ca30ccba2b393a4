package io.edgeconf.bridge.descriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the command line's device SPEC: {@code
 * board=esp32,id=gh-1,zone=north,fw=1.4.2,tag=heater,tag=vent,attr.room=east-2,num.floor=3}.
 */
public final class DeviceSpec {
  private DeviceSpec() {}

  /**
   * @throws DescriptorException naming the item that is wrong
   */
  public static DeviceAttributes parse(String spec) {
    String board = null;
    String id = null;
    String zone = "";
    String fw = "";
    List<String> tags = new ArrayList<>();
    Map<String, String> attrs = new HashMap<>();
    Map<String, Long> nums = new HashMap<>();
    for (String item : spec.split(",")) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new DescriptorException("device spec item '" + item + "' is not KEY=VALUE");
      }
      String key = item.substring(0, eq).trim();
      String value = item.substring(eq + 1).trim();
      switch (key) {
        case "board" -> board = value;
        case "id" -> id = value;
        case "zone" -> zone = value;
        case "fw" -> fw = value;
        case "tag" -> tags.add(value);
        default -> {
          if (key.startsWith("attr.") && key.length() > 5) {
            attrs.put(key.substring(5), value);
          } else if (key.startsWith("num.") && key.length() > 4) {
            try {
              nums.put(key.substring(4), Long.parseLong(value));
            } catch (NumberFormatException e) {
              throw new DescriptorException("device spec item '" + item + "' needs an integer");
            }
          } else {
            throw new DescriptorException(
                "device spec key '"
                    + key
                    + "' is not one of board, id, zone, fw, tag, attr.KEY, num.KEY");
          }
        }
      }
    }
    if (board == null || id == null) {
      throw new DescriptorException("a device spec needs board= and id=");
    }
    return new DeviceAttributes(board, id, zone, fw, tags, attrs, nums);
  }
}
