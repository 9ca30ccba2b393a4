package io.edgeconf.bridge.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attributes iterate in key order whatever order they were given in, so a descriptor (and the
 * module metadata and signature written from it) has the same bytes in every run.
 */
class DeviceAttributesTest {
  static DeviceAttributes device(Map<String, String> attrs, Map<String, Long> nums) {
    return new DeviceAttributes("esp32", "d-1", "north", "", List.of(), attrs, nums);
  }

  @Test
  void attrsAndNumsIterateInKeyOrder() {
    Map<String, String> attrs = new LinkedHashMap<>();
    Map<String, Long> nums = new LinkedHashMap<>();
    for (String k : List.of("zeta", "alpha", "mid", "beta", "omega", "kappa")) {
      attrs.put(k, k.toUpperCase());
      nums.put(k, (long) k.length());
    }
    var d = device(attrs, nums);
    List<String> sorted = new ArrayList<>(attrs.keySet());
    sorted.sort(null);
    assertEquals(sorted, new ArrayList<>(d.attrs().keySet()));
    assertEquals(sorted, new ArrayList<>(d.nums().keySet()));
  }

  @Test
  void theDescriptorDoesNotDependOnTheOrderAttributesWereGiven() {
    Map<String, String> forward = new LinkedHashMap<>();
    Map<String, String> backward = new LinkedHashMap<>();
    List<String> keys = List.of("a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8");
    keys.forEach(k -> forward.put(k, "v" + k));
    keys.reversed().forEach(k -> backward.put(k, "v" + k));
    assertArrayEquals(
        DescriptorCodec.encode(device(forward, Map.of())),
        DescriptorCodec.encode(device(backward, new HashMap<>())));
  }

  @Test
  void nullValuesAreRefused() {
    Map<String, String> attrs = new HashMap<>();
    attrs.put("room", null);
    assertThrows(DescriptorException.class, () -> device(attrs, Map.of()));
  }
}
