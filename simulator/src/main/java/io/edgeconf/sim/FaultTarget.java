package io.edgeconf.sim;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.descriptor.DeviceId;

/** Which boards a fault applies to: all, one device, one board type, or a share of the boards. */
public sealed interface FaultTarget {
  /** Every board. */
  record All() implements FaultTarget {
    @Override
    public String toString() {
      return "";
    }
  }

  /** One device, by id. */
  record Device(String id) implements FaultTarget {
    public Device {
      if (!DeviceId.isValid(id)) {
        throw new FaultSpecException("target '" + id + "' is not a device id");
      }
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /** Every board of one catalogue type. */
  record BoardType(String board) implements FaultTarget {
    public BoardType {
      if (BoardCatalogue.find(board).isEmpty()) {
        throw new FaultSpecException("target '" + board + "' is not a board name");
      }
    }

    @Override
    public String toString() {
      return board;
    }
  }

  /** A deterministic share of the boards (rounded up), 0 to 100 percent. */
  record Share(int percent) implements FaultTarget {
    public Share {
      if (percent < 0 || percent > 100) {
        throw new FaultSpecException("target " + percent + "% is not between 0 and 100");
      }
    }

    @Override
    public String toString() {
      return percent + "%";
    }
  }

  /**
   * Parses a target: empty for all, {@code N%}, a board name, or a device id (in that order).
   *
   * @throws FaultSpecException when it is none of these
   */
  static FaultTarget parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      return new All();
    }
    if (t.endsWith("%")) {
      try {
        return new Share(Integer.parseInt(t.substring(0, t.length() - 1)));
      } catch (NumberFormatException e) {
        throw new FaultSpecException("target '" + t + "' is not a percentage");
      }
    }
    if (BoardCatalogue.find(t).isPresent()) {
      return new BoardType(t);
    }
    return new Device(t);
  }
}
