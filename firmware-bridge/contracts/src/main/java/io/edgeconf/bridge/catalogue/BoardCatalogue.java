package io.edgeconf.bridge.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one source of truth for the boards EdgeConf supports. Immutable and thread-safe. */
public final class BoardCatalogue {
  private static final List<Board> BOARDS =
      List.of(
          new Board("esp32", Transport.MQTT, 4096, 0),
          new Board("esp32s3", Transport.MQTT, 4096, 0),
          new Board("esp32c3", Transport.MQTT, 4096, 0),
          new Board("nrf52840", Transport.COAP, 1024, 64));

  private static final Map<String, Board> BY_NAME =
      BOARDS.stream().collect(Collectors.toUnmodifiableMap(Board::name, Function.identity()));

  private BoardCatalogue() {}

  /** Every board, in catalogue order. */
  public static List<Board> all() {
    return BOARDS;
  }

  /** The board with this name, if the catalogue has one. */
  public static Optional<Board> find(String name) {
    return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
  }

  /**
   * The board with this name.
   *
   * @throws IllegalArgumentException naming the known boards when there is none
   */
  public static Board require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown board '" + name + "' (known: " + String.join(", ", names()) + ")"));
  }

  /** The board names, in catalogue order. */
  public static List<String> names() {
    return BOARDS.stream().map(Board::name).toList();
  }

  /** The smallest image capacity among these boards (the catalogue's largest when empty). */
  public static int smallestCapacity(Collection<Board> boards) {
    return boards.stream()
        .mapToInt(Board::maxImageBytes)
        .min()
        .orElse(BOARDS.stream().mapToInt(Board::maxImageBytes).max().orElseThrow());
  }
}
