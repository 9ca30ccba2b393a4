package io.edgeconf.agent.waves;

import io.edgeconf.bridge.catalogue.BoardCatalogue;
import io.edgeconf.bridge.catalogue.Transport;
import io.edgeconf.bridge.descriptor.DeviceId;
import io.edgeconf.bridge.image.ImageCodec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One board of a rollout: where it is, the image it gets and the image it goes back to. Immutable
 * (the byte arrays are copied in and out).
 *
 * @param deviceId the board
 * @param board its board type (a catalogue name)
 * @param transport how it is reached
 * @param newImage the image the rollout brings
 * @param previousImage the image it had before, empty for a board that never had one
 * @param online whether it was online when the plan was made
 */
public record DevicePlan(
    String deviceId,
    String board,
    Transport transport,
    byte[] newImage,
    Optional<byte[]> previousImage,
    boolean online) {
  public DevicePlan {
    DeviceId.require(deviceId);
    Objects.requireNonNull(board, "board");
    BoardCatalogue.require(board);
    Objects.requireNonNull(transport, "transport");
    requireImage(deviceId, "newImage", newImage);
    newImage = newImage.clone();
    previousImage = previousImage == null ? Optional.empty() : previousImage;
    previousImage.ifPresent(p -> requireImage(deviceId, "previousImage", p));
    previousImage = previousImage.map(byte[]::clone);
  }

  private static void requireImage(String deviceId, String name, byte[] image) {
    if (image == null || ImageCodec.versionOf(image).isEmpty()) {
      throw new IllegalArgumentException(
          "device " + deviceId + ": " + name + " is not a config image (too short)");
    }
  }

  @Override
  public byte[] newImage() {
    return newImage.clone();
  }

  @Override
  public Optional<byte[]> previousImage() {
    return previousImage.map(byte[]::clone);
  }

  /** The image of a role; empty for {@link ImageRole#NONE} or a missing previous image. */
  public Optional<byte[]> image(ImageRole role) {
    return switch (role) {
      case NEW -> Optional.of(newImage());
      case PREVIOUS -> previousImage();
      case NONE -> Optional.empty();
    };
  }

  /** The role a revert goes to: {@link ImageRole#PREVIOUS}, or {@link ImageRole#NONE}. */
  public ImageRole revertRole() {
    return previousImage.isPresent() ? ImageRole.PREVIOUS : ImageRole.NONE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DevicePlan d
        && deviceId.equals(d.deviceId)
        && board.equals(d.board)
        && transport == d.transport
        && Arrays.equals(newImage, d.newImage)
        && previousImage.isPresent() == d.previousImage.isPresent()
        && (previousImage.isEmpty() || Arrays.equals(previousImage.get(), d.previousImage.get()))
        && online == d.online;
  }

  @Override
  public int hashCode() {
    return Objects.hash(deviceId, board, transport, Arrays.hashCode(newImage), online);
  }

  @Override
  public String toString() {
    return "DevicePlan[" + deviceId + ", " + board + ", " + transport.wireName() + "]";
  }
}
