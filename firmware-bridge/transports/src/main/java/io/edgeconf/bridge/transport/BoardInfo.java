package io.edgeconf.bridge.transport;

import io.edgeconf.bridge.catalogue.Board;
import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway knows of one board: its attributes from its {@code hello} (or registration), the
 * catalogue entry for its board type, the policy it names, the capacity it states and whether it is
 * online. Immutable; a new value is published when any of it changes.
 *
 * @param attributes the attributes a policy sees (the device id among them)
 * @param board the catalogue entry of its board type
 * @param policy the policy its firmware names, empty when it names none
 * @param statedMaxImage the image capacity the board states, 0 when it states none
 * @param online whether the board is reachable now
 * @param lastSeen when the gateway last heard from it
 */
public record BoardInfo(
    DeviceAttributes attributes,
    Board board,
    Optional<String> policy,
    long statedMaxImage,
    boolean online,
    Instant lastSeen) {
  public BoardInfo {
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(board, "board");
    Objects.requireNonNull(lastSeen, "lastSeen");
    policy = policy == null ? Optional.empty() : policy;
    if (!board.name().equals(attributes.board())) {
      throw new IllegalArgumentException(
          "board " + board.name() + " differs from the attributes' " + attributes.board());
    }
    if (statedMaxImage < 0) {
      throw new IllegalArgumentException("statedMaxImage " + statedMaxImage + " is negative");
    }
  }

  /** A board described by its attributes, with the catalogue entry looked up. */
  public static BoardInfo of(
      DeviceAttributes attributes,
      Optional<String> policy,
      long statedMaxImage,
      boolean online,
      Instant lastSeen) {
    return new BoardInfo(
        attributes,
        BoardCatalogue.require(attributes.board()),
        policy,
        statedMaxImage,
        online,
        lastSeen);
  }

  /** The device id. */
  public String deviceId() {
    return attributes.id();
  }

  /** The transport that serves it (from the catalogue). */
  public Transport transport() {
    return board.transport();
  }

  /** The largest image it takes: the smaller of the stated and the catalogue capacity. */
  public int maxImage() {
    return statedMaxImage > 0
        ? (int) Math.min(statedMaxImage, board.maxImageBytes())
        : board.maxImageBytes();
  }

  public BoardInfo withOnline(boolean nowOnline, Instant at) {
    return new BoardInfo(attributes, board, policy, statedMaxImage, nowOnline, at);
  }

  /** Whether the announcement differs (attributes, policy, capacity), ignoring online and time. */
  public boolean sameAnnouncement(BoardInfo other) {
    return attributes.equals(other.attributes)
        && policy.equals(other.policy)
        && statedMaxImage == other.statedMaxImage;
  }
}
