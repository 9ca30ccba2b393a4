package io.edgeconf.faults;

import io.edgeconf.bridge.image.Crc32c;
import io.edgeconf.faults.StoreReader.DeviceStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each board should run, kept by the soak independently of the agent: docs/rollout.md's rule
 * applied to each outcome. A deploy that {@code succeeded} leaves every board on the new image
 * except those that failed it (each was sent its previous image back); one that was {@code
 * rolled_back} leaves every board on its previous image, and the previous module active. Not
 * thread-safe.
 */
final class FleetModel {
  private final Map<String, byte[]> expected = new HashMap<>();
  private long activeVersion;

  FleetModel(List<String> ids) {
    ids.forEach(id -> expected.put(id, null));
  }

  long activeVersion() {
    return activeVersion;
  }

  /** The image a board should run (null: none). */
  byte[] expected(String id) {
    return expected.get(id);
  }

  long expectedVersion(String id) {
    return StoreReader.version(expected.get(id));
  }

  /**
   * Checks that the agent planned each board from the image the model expects it to run (the
   * rollout's previous image), then applies the outcome.
   *
   * @return what disagrees, empty when all is well
   */
  List<String> apply(long version, String outcome, Map<String, DeviceStep> devices) {
    List<String> wrong = new ArrayList<>();
    if (!devices.keySet().equals(expected.keySet())) {
      wrong.add("the rollout planned " + devices.keySet() + ", the fleet is " + expected.keySet());
    }
    for (DeviceStep d : devices.values()) {
      long planned = StoreReader.crc(d.previousImage());
      long mine = StoreReader.crc(expected.get(d.id()));
      if (planned != mine) {
        wrong.add(
            d.id()
                + ": planned from v"
                + StoreReader.version(d.previousImage())
                + " crc "
                + Crc32c.hex(planned)
                + ", the model has v"
                + expectedVersion(d.id())
                + " crc "
                + Crc32c.hex(mine));
      }
    }
    switch (outcome) {
      case "succeeded" -> {
        for (DeviceStep d : devices.values()) {
          expected.put(d.id(), d.failed() ? d.previousImage() : d.newImage());
        }
        activeVersion = version;
      }
      case "rolled_back" -> {
        for (DeviceStep d : devices.values()) {
          expected.put(d.id(), d.previousImage());
        }
      }
      default -> wrong.add("outcome " + outcome + " (expected succeeded or rolled_back)");
    }
    return wrong;
  }
}
