package io.edgeconf.agent.store;

import io.edgeconf.bridge.descriptor.DeviceAttributes;
import java.util.Optional;

/**
 * What the store keeps of one board.
 *
 * @param attributes the board's attributes (its id among them)
 * @param transport {@code mqtt} or {@code coap}
 * @param namedPolicy the policy its firmware names, if any
 * @param capacity the largest image it accepts
 * @param online whether it was online when last heard of
 * @param state the device state of management-api.md
 * @param desired the image the gateway wants it to run
 * @param reported the image it last reported running
 */
public record DeviceRecord(
    DeviceAttributes attributes,
    String transport,
    Optional<String> namedPolicy,
    int capacity,
    boolean online,
    String state,
    ImageRef desired,
    ImageRef reported) {
  public DeviceRecord {
    namedPolicy = namedPolicy == null ? Optional.empty() : namedPolicy;
    desired = desired == null ? ImageRef.NONE : desired;
    reported = reported == null ? ImageRef.NONE : reported;
  }

  /** The device id. */
  public String id() {
    return attributes.id();
  }

  public DeviceRecord withState(String newState) {
    return new DeviceRecord(
        attributes, transport, namedPolicy, capacity, online, newState, desired, reported);
  }

  public DeviceRecord withOnline(boolean newOnline) {
    return new DeviceRecord(
        attributes, transport, namedPolicy, capacity, newOnline, state, desired, reported);
  }

  public DeviceRecord withDesired(ImageRef image) {
    return new DeviceRecord(
        attributes, transport, namedPolicy, capacity, online, state, image, reported);
  }

  public DeviceRecord withReported(ImageRef image) {
    return new DeviceRecord(
        attributes, transport, namedPolicy, capacity, online, state, desired, image);
  }
}
