package io.edgeconf.sim;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import io.edgeconf.bridge.image.FirmwareBinding;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one simulated board is doing, at one moment. Immutable.
 *
 * @param attributes its id, board, zone, fw, tags and attrs
 * @param powered whether it has power
 * @param online whether it is connected (MQTT) or serving (CoAP)
 * @param activeSlot {@code "A"}, {@code "B"}, or {@code ""} when it runs no image
 * @param version the running image's version, 0 when none
 * @param crc the running image's CRC-32C, 0 when none
 * @param healthy what its health reports say
 * @param boot the boot counter
 * @param binding the policy id and schema hash it is bound to, empty while unbound
 * @param values the running image's field values when the schema is known, else empty
 * @param faults the faults set on it, as SPEC items
 * @param coapAddress (CoAP boards) the UDP address it serves and registers from
 * @param registered (CoAP boards) whether its last registration succeeded
 */
public record BoardSnapshot(
    DeviceAttributes attributes,
    boolean powered,
    boolean online,
    String activeSlot,
    long version,
    long crc,
    boolean healthy,
    long boot,
    Optional<FirmwareBinding> binding,
    Map<String, Object> values,
    List<String> faults,
    Optional<InetSocketAddress> coapAddress,
    boolean registered) {
  public BoardSnapshot {
    if (attributes == null) {
      throw new IllegalArgumentException("a snapshot needs the board's attributes");
    }
    activeSlot = activeSlot == null ? "" : activeSlot;
    binding = binding == null ? Optional.empty() : binding;
    values =
        values == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    faults = List.copyOf(faults == null ? List.of() : faults);
    coapAddress = coapAddress == null ? Optional.empty() : coapAddress;
  }

  /** The device id. */
  public String id() {
    return attributes.id();
  }

  /** The board name. */
  public String board() {
    return attributes.board();
  }
}
